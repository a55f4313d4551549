package dev.faultline.core.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * The plain parser's scan buffer: the text as one byte per character, with {@value #PADDING}
 * bytes to spare after it so that the parser can read eight bytes at a time anywhere in the text.
 * One set per thread, lent to one parser at a time and given back when it closes, so that a read
 * makes no new array (see docs/performance.md, "Validation throughput"); a second parser on the
 * thread while the set is lent gets one of its own, and a text over {@value #MAX_RECYCLED}
 * characters gets one that is not kept.
 *
 * <p>A text given as a {@code String} is copied into the bytes through a {@code char[]} and the
 * ISO-8859-1 encoder (both copies are vectorised loops of the JDK); the encoder stops at a
 * character beyond U+00FF, and such a text is not the plain parser's (see {@link #fill(String)}).
 */
final class ScanBuffers {

    /** The bytes after the text that the parser may read (and must not trust). */
    static final int PADDING = 8;
    /** The longest text whose buffers are kept for the next parser on the thread (64 KB). */
    static final int MAX_RECYCLED = 64 * 1024;

    private static final ThreadLocal<ScanBuffers> FREE = new ThreadLocal<>();

    /** The text, one byte per character, then {@link #PADDING} bytes or more. */
    byte[] bytes;
    private char[] chars;
    private CharBuffer charView;
    private ByteBuffer byteView;
    private final CharsetEncoder latin1 = StandardCharsets.ISO_8859_1.newEncoder();
    /** Made at the first string beyond ASCII in UTF-8 bytes; reports malformed input rather than replacing it. */
    private CharsetDecoder utf8;

    private ScanBuffers(int length) {
        size(length);
    }

    /**
     * A set whose byte buffer holds at least {@code length} characters and the padding, lent until
     * {@link #giveBack()}.
     */
    static ScanBuffers lend(int length) {
        ScanBuffers kept = FREE.get();
        if (kept == null) {
            return new ScanBuffers(length);
        }
        FREE.set(null); // lent: a second parser on this thread gets a set of its own
        if (kept.bytes.length < length + PADDING) {
            kept.size(length);
        }
        return kept;
    }

    private void size(int length) {
        int capacity = length <= MAX_RECYCLED ? Math.max(length, 4096) : length;
        bytes = new byte[capacity + PADDING];
        chars = null; // made at the first text given as a String
    }

    /**
     * Copies a text into {@link #bytes}, one byte per character.
     *
     * @return false if the text holds a character beyond U+00FF (the bytes are then not the text)
     */
    boolean fill(String text) {
        int length = text.length();
        if (chars == null || chars.length < length) {
            chars = new char[bytes.length - PADDING];
            charView = CharBuffer.wrap(chars);
            byteView = ByteBuffer.wrap(bytes);
        }
        text.getChars(0, length, chars, 0);
        charView.clear().limit(length);
        byteView.clear();
        latin1.reset();
        CoderResult result = latin1.encode(charView, byteView, true);
        return !result.isError() && !charView.hasRemaining();
    }

    /** Copies bytes into {@link #bytes}. */
    void fill(byte[] source, int length) {
        System.arraycopy(source, 0, bytes, 0, length);
    }

    /**
     * The bytes from {@code start} to {@code end} decoded as UTF-8, or null if they are not well
     * formed (a byte that cannot start or continue a character, an overlong form, a surrogate, a
     * character cut short): such bytes are left to Jackson, whose reading of them is the reference.
     */
    String utf8(int start, int end) {
        if (utf8 == null) {
            utf8 = StandardCharsets.UTF_8.newDecoder();
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Keeps a lent set for the next parser on this thread, unless its buffer is over {@link #MAX_RECYCLED}. */
    void giveBack() {
        if (bytes.length <= MAX_RECYCLED + PADDING) {
            FREE.set(this);
        }
    }
}
