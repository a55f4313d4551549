package dev.faultline.core.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The plain parser's scans of its byte buffer eight bytes at a time: a {@code long} read from the
 * buffer in one load, then bit operations in place of a loop and a branch per character. Every
 * method may read up to eight bytes past the position it is given, which the buffer's padding
 * allows ({@link ScanBuffers#PADDING}); what lies past the text is junk, and each method says how
 * it keeps it out of the answer.
 */
final class WordScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long SPACES = 0x2020202020202020L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private WordScan() {}

    /** The eight bytes from {@code at}, the first in the lowest bits. */
    static long load(byte[] b, int at) {
        return (long) LONGS.get(b, at);
    }

    /**
     * The bytes from {@code start} to {@code end}, the first eight of them, as {@link #load}, with
     * the bytes from {@code end} on zeroed.
     */
    static long word(byte[] b, int start, int end) {
        long w = load(b, start);
        int length = end - start;
        return length >= 8 ? w : w & ((1L << (length << 3)) - 1);
    }

    /**
     * Tells whether the bytes from {@code from} to {@code to} are all ASCII: no high bit set,
     * looked at eight bytes at a time with no branch but the loop's.
     */
    static boolean isAscii(byte[] b, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            high |= load(b, i);
        }
        high |= word(b, i, to);
        return (high & HIGH_BITS) == 0;
    }

    /**
     * How many spaces (U+0020) begin at {@code at}, counting at most eight; the caller bounds the
     * result by the end of the text.
     */
    static int spaces(byte[] b, int at) {
        long notSpace = load(b, at) ^ SPACES; // a zero byte for each space
        return notSpace == 0 ? 8 : Long.numberOfTrailingZeros(notSpace) >>> 3;
    }

    /**
     * The index of the first quote, backslash or control character (below U+0020) from
     * {@code from}, or -1 if there is none before {@code limit}, which is at most the end of the
     * text: where a string or a field name stops being plain characters.
     */
    static int stringEnd(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i += 8) {
            long w = load(b, i);
            long quotes = w ^ QUOTES;
            long backslashes = w ^ BACKSLASHES;
            // the high bit of each byte that is a quote (a zero byte of quotes), a backslash or
            // below 0x20 (a byte of ASCII that borrows when 0x20 is taken from it); a borrow may
            // set high bits above the first such byte, never below it, and the first is taken
            long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | (w - SPACES) & ~w)
                    & HIGH_BITS;
            if (found != 0) {
                int at = i + (Long.numberOfTrailingZeros(found) >>> 3);
                return at < limit ? at : -1;
            }
        }
        return -1;
    }
}
