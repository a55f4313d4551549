package dev.faultline.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The field names the plain parser has seen, and the vocabulary values it was asked to keep (see
 * {@link PlainJsonParser#vocabularyValue()}), interned, as Jackson keeps the names it has seen:
 * the names a template repeats are not allocated again on every read. Shared by every parser and
 * thread: a slot holds a whole {@link Entry} or null, so a race at worst caches a string twice or
 * evicts one.
 *
 * <p>A name is looked up by its first sixteen and last eight bytes, read eight at a time (see
 * {@link #hash}), and compared the same way: a name of at most sixteen characters, which most
 * are, costs two comparisons of {@code long}s and no loop. A hash has two slots, so that two
 * names of a template whose hashes meet do not take turns (which would intern one of them again
 * on every read).
 */
final class NameCache {

    /** Strings up to this length are cached. */
    static final int MAX_LENGTH = 64;
    private static final int SLOTS = 1024;
    private static final Entry[] ENTRIES = new Entry[SLOTS];

    private NameCache() {}

    /**
     * The hash of the bytes from {@code start} to {@code end}, of their first sixteen and last
     * eight, which {@link #find} and {@link #cached} take.
     */
    static int hash(byte[] b, int start, int end) {
        int length = end - start;
        long h = WordScan.word(b, start, end) * 0x9E3779B97F4A7C15L;
        if (length > 8) {
            h += WordScan.word(b, start + 8, end) * 0xC2B2AE3D27D4EB4FL;
            if (length > 16) {
                h += WordScan.load(b, end - 8) * 0x165667B19E3779F9L;
            }
        }
        h = ((h + length) ^ (h >>> 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32);
    }

    /**
     * The cached string of the bytes from {@code start} to {@code end}, or null.
     *
     * @param hash the bytes' {@link #hash}
     */
    static String find(byte[] b, int start, int end, int hash) {
        int slot = slot(hash);
        String found = match(ENTRIES[slot], b, start, end, hash);
        return found != null ? found : match(ENTRIES[slot ^ 1], b, start, end, hash);
    }

    private static String match(Entry e, byte[] b, int start, int end, int hash) {
        if (e == null || e.hash != hash || e.length != end - start || e.first != WordScan.word(b, start, end)) {
            return null;
        }
        int length = e.length;
        if (length > 8 && (e.second != WordScan.word(b, start + 8, end)
                || length > 16 && !Arrays.equals(b, start + 16, end, e.bytes, 16, length))) {
            return null;
        }
        return e.string;
    }

    /**
     * The cached, interned string of the bytes from {@code start} to {@code end} (ISO-8859-1, no
     * escape or control character among them, at most {@link #MAX_LENGTH}), cached now if it was
     * not.
     *
     * @param hash the bytes' {@link #hash}
     */
    static String cached(byte[] b, int start, int end, int hash) {
        String known = find(b, start, end, hash);
        if (known != null) {
            return known;
        }
        String fresh = new String(b, start, end - start, StandardCharsets.ISO_8859_1).intern();
        int slot = slot(hash);
        // two slots per hash: the first if it is free, else the second, whose string is then the
        // one forgotten (two strings whose hashes meet both stay; a third takes turns with the second)
        ENTRIES[ENTRIES[slot] == null ? slot : slot ^ 1] = new Entry(fresh, hash, Arrays.copyOfRange(b, start, end + 8));
        return fresh;
    }

    private static int slot(int hash) {
        return hash & (SLOTS - 1);
    }

    /** A cached string with its hash and bytes (and eight bytes to spare, for {@link WordScan#word}), published whole. */
    private static final class Entry {
        final String string;
        final int hash;
        final int length;
        final long first;
        final long second;
        final byte[] bytes;

        Entry(String string, int hash, byte[] bytes) {
            this.string = string;
            this.hash = hash;
            this.length = bytes.length - 8;
            this.first = WordScan.word(bytes, 0, length);
            this.second = length > 8 ? WordScan.word(bytes, 8, length) : 0;
            this.bytes = bytes;
        }
    }
}
