package dev.faultline.core.json;

import java.util.Arrays;

/**
 * The field names the plain parser has seen, and the vocabulary values it was asked to keep (see
 * {@link PlainJsonParser#vocabularyValue()}), interned, by their {@link String#hashCode()}, as
 * Jackson keeps the names it has seen: the names a template repeats are not allocated again on
 * every read. Shared by every parser and thread: a slot holds a whole {@link Entry} or null, so a
 * race at worst caches a string twice or evicts one.
 */
final class NameCache {

    /** Strings up to this length are cached. */
    static final int MAX_LENGTH = 64;
    private static final int SLOTS = 1024;
    private static final Entry[] ENTRIES = new Entry[SLOTS];

    private NameCache() {}

    /**
     * The cached string of the characters from {@code start} to {@code end}, or null.
     *
     * @param hash the characters' {@link String#hashCode()}
     */
    static String find(char[] b, int start, int end, int hash) {
        Entry e = ENTRIES[slot(hash)];
        int length = end - start;
        if (e != null && e.hash == hash && e.chars.length == length && Arrays.equals(b, start, end, e.chars, 0, length)) {
            return e.string;
        }
        return null;
    }

    /**
     * The cached, interned string of the characters from {@code start} to {@code end} (no escape
     * or control character among them, at most {@link #MAX_LENGTH}), cached now if it was not.
     *
     * @param hash the characters' {@link String#hashCode()}
     */
    static String cached(char[] b, int start, int end, int hash) {
        String known = find(b, start, end, hash);
        if (known != null) {
            return known;
        }
        String fresh = new String(b, start, end - start).intern();
        ENTRIES[slot(hash)] = new Entry(fresh, hash, Arrays.copyOfRange(b, start, end));
        return fresh;
    }

    private static int slot(int hash) {
        return (hash ^ hash >>> 10) & (SLOTS - 1);
    }

    /** A cached string with its hash and characters, published whole. */
    private static final class Entry {
        final String string;
        final int hash;
        final char[] chars;

        Entry(String string, int hash, char[] chars) {
            this.string = string;
            this.hash = hash;
            this.chars = chars;
        }
    }
}
