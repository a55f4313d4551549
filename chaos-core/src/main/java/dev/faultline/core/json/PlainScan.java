package dev.faultline.core.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lexical half of {@link PlainTemplateReader}: white space, punctuation, names, strings and
 * small whole numbers, read from the plain parser's byte buffer (one byte per character, or UTF-8
 * whose string values beyond ASCII are decoded; padding after the text, see {@link ScanBuffers})
 * as {@link PlainJsonParser} reads them: keys interned through {@link NameCache}, strings cut as
 * ISO-8859-1 or decoded strictly, escapes read by {@link JsonEscapes}, white space skipped eight
 * spaces at a time. With them, the checks on names that the template reader would report on: an
 * unknown field, a field or key twice. Anything else (an escape in a name, a control character, a
 * name over {@value NameCache#MAX_LENGTH} characters, malformed JSON) makes it
 * {@linkplain #giveUp() give up}.
 */
abstract class PlainScan {

    /** The most entries of one collection read; a larger one goes to the template reader. */
    static final int MAX_ENTRIES = 64;
    /** The most digits of a whole number read: any such number fits an int. */
    private static final int MAX_DIGITS = 9;
    private static final GiveUp GIVE_UP = new GiveUp();

    private final ScanBuffers buffers;
    private final byte[] b;
    private final int end;
    /** The text is UTF-8 with bytes beyond ASCII: a string value holding any is decoded, a name holding any given up on. */
    private final boolean utf8;
    private int pos;
    /** The keys of the target or action map being read, for the duplicate check. */
    private String[] elementKeys = new String[8];
    /** The keys of the string map being read (for the duplicate check) and its values, or a string list's elements. */
    private String[] keys = new String[8];
    private String[] values = new String[8];

    PlainScan(ScanBuffers buffers, int end, boolean utf8) {
        this.buffers = buffers;
        this.b = buffers.bytes;
        this.end = end;
        this.utf8 = utf8;
    }

    /** The exception to throw when the text is not one this reader reads. */
    static RuntimeException giveUp() {
        return GIVE_UP;
    }

    /** Gives up unless the text ends here, white space aside. */
    final void atEnd() {
        if (space() >= 0) {
            throw GIVE_UP;
        }
    }

    /** Consumes {@code c} after white space, or gives up. */
    final void expect(char c) {
        if (space() != c) {
            throw GIVE_UP;
        }
        pos++;
    }

    /** Consumes {@code close} after white space if it comes next: the end of a container just opened. */
    final boolean closes(char close) {
        if (space() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /**
     * After an entry of a container: true after a comma, false after the closing {@code close};
     * gives up on anything else.
     */
    final boolean more(char close) {
        int c = space();
        pos++;
        if (c == ',') {
            return true;
        }
        if (c == close) {
            return false;
        }
        throw GIVE_UP;
    }

    /**
     * A key, interned, and the colon after it; gives up on one over {@value NameCache#MAX_LENGTH}
     * characters or, in UTF-8, with a byte beyond ASCII.
     */
    private String name() {
        int start = quoted();
        int quote = stringEnd(start);
        if (quote - start > NameCache.MAX_LENGTH || utf8 && !WordScan.isAscii(b, start, quote)) {
            throw GIVE_UP; // not cached, so not interned: the reader's checks by reference could not tell
        }
        pos = quote + 1;
        String name = NameCache.cached(b, start, quote, NameCache.hash(b, start, quote));
        expect(':');
        return name;
    }

    /** A string value, cut from the text, or read with its escapes. */
    final String string() {
        return value(false);
    }

    /**
     * A string value from a small vocabulary: the interned instance, as
     * {@link PlainJsonParser#vocabularyValue()} (which also gives a long one or one with an escape as
     * a new string).
     */
    final String vocabulary() {
        return value(true);
    }

    private String value(boolean interned) {
        int start = quoted();
        int at = scan(start);
        if (b[at] != '"') {
            return escaped(start);
        }
        pos = at + 1;
        if (utf8 && !WordScan.isAscii(b, start, at)) {
            String decoded = buffers.utf8(start, at); // as the plain parser decodes it, strictly
            if (decoded == null) {
                throw GIVE_UP;
            }
            return decoded;
        }
        return interned && at - start <= NameCache.MAX_LENGTH ? NameCache.cached(b, start, at, NameCache.hash(b, start, at))
                : new String(b, start, at - start, StandardCharsets.ISO_8859_1);
    }

    /** A string with an escape, read again from its start, as the plain parser reads it. */
    private String escaped(int start) {
        StringBuilder s = new StringBuilder(32);
        int after = JsonEscapes.read(b, start, end, PlainJsonParser.MAX_STRING, utf8, s);
        if (after < 0) {
            throw GIVE_UP;
        }
        pos = after;
        return s.toString();
    }

    /**
     * A whole number of at most {@value #MAX_DIGITS} digits, without sign, fraction or exponent
     * (what follows it is the caller's {@link #more} to check); gives up on any other number.
     */
    final int wholeNumber() {
        int c = space();
        if (c < '0' || c > '9') {
            throw GIVE_UP;
        }
        int start = pos;
        int n = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            n = n * 10 + b[pos++] - '0';
        }
        if (pos - start > MAX_DIGITS || c == '0' && pos - start > 1) {
            throw GIVE_UP; // too long for the shortcut, or a leading zero, which JSON does not allow
        }
        return n;
    }

    /** Adds a field's bit to those seen in its object, giving up on a field seen before. */
    static long once(long seen, int index) {
        long bit = 1L << index;
        if ((seen & bit) != 0) {
            throw GIVE_UP; // the template reader warns of a duplicate field
        }
        return seen | bit;
    }

    /**
     * A field name and its colon: the name's index among the known ones, matched in the text by
     * its length and words ({@link FieldNames}); gives up on an unknown name, which the template
     * reader reports (or, escaped, reads: it is not read here).
     */
    final int field(FieldNames known) {
        int start = quoted();
        int quote = stringEnd(start);
        int length = quote - start;
        long first = WordScan.word(b, start, quote);
        long second = length > 8 ? WordScan.word(b, start + 8, quote) : 0;
        int[] lengths = known.lengths;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] == length && known.first[i] == first && known.second[i] == second
                    && (length <= 16 || Arrays.equals(b, start + 16, quote, known.bytes[i], 16, length))) {
                pos = quote + 1;
                expect(':');
                return i;
            }
        }
        throw GIVE_UP; // the template reader reports an unknown field
    }

    /** The key of entry {@code n} of the target or action map being read, as {@link #key}. */
    final String elementKey(int n) {
        String key = key(elementKeys, n);
        if (n == elementKeys.length) {
            elementKeys = Arrays.copyOf(elementKeys, 2 * n);
        }
        elementKeys[n] = key;
        return key;
    }

    /**
     * A map of strings from its opening brace, into this reader's scratch: entry {@code i} is
     * {@link #mapKey(int)} and {@link #mapValue(int)}, to be copied out before the next string
     * map or list is read (as {@link JsonInput#stringMap} gives them).
     *
     * @param references whether the values name elements of the template (an action's targets),
     *     read as {@link #vocabulary()}
     * @return the number of entries
     */
    final int stringMap(boolean references) {
        expect('{');
        int n = 0;
        if (!closes('}')) {
            do {
                String key = key(keys, n);
                String value = references ? vocabulary() : string();
                keep(n++, key, value);
            } while (more('}'));
        }
        return n;
    }

    /**
     * A list of strings from its opening bracket, into this reader's scratch: element {@code i}
     * is {@link #mapValue(int)}, to be copied out before the next string map or list is read.
     *
     * @return the number of elements
     */
    final int stringList() {
        expect('[');
        int n = 0;
        if (!closes(']')) {
            do {
                if (n == MAX_ENTRIES) {
                    throw GIVE_UP;
                }
                keep(n++, null, string());
            } while (more(']'));
        }
        return n;
    }

    private void keep(int i, String key, String value) {
        if (i == values.length) {
            keys = Arrays.copyOf(keys, 2 * i);
            values = Arrays.copyOf(values, 2 * i);
        }
        keys[i] = key;
        values[i] = value;
    }

    /** The key of entry {@code i} of the string map just read. */
    final String mapKey(int i) {
        return keys[i];
    }

    /** The value of entry {@code i} of the string map just read, or element {@code i} of the string list. */
    final String mapValue(int i) {
        return values[i];
    }

    /**
     * The key of entry {@code n} of a map, with its colon; gives up on a key among the {@code n}
     * in {@code seen} (compared by reference: keys are interned), or on entry {@value #MAX_ENTRIES}.
     */
    private String key(String[] seen, int n) {
        if (n == MAX_ENTRIES) {
            throw GIVE_UP;
        }
        String key = name();
        for (int i = 0; i < n; i++) {
            if (seen[i] == key) {
                throw GIVE_UP; // the template reader warns of a duplicate key
            }
        }
        return key;
    }

    /** The position after the opening quote of a string or name, after white space; gives up on anything else. */
    private int quoted() {
        if (space() != '"') {
            throw GIVE_UP;
        }
        return pos + 1;
    }

    /** The closing quote of a string or name from {@code from}; gives up on an escape, a control character or no end. */
    private int stringEnd(int from) {
        int at = scan(from);
        if (b[at] != '"') {
            throw GIVE_UP;
        }
        return at;
    }

    /** The first quote or backslash of a string or name from {@code from}; gives up on a control character or no end. */
    private int scan(int from) {
        int at = WordScan.stringEnd(b, from, Math.min(end, from + PlainJsonParser.MAX_STRING + 1));
        if (at < 0 || b[at] < ' ') {
            throw GIVE_UP;
        }
        return at;
    }

    /**
     * Skips JSON white space and returns the next character without consuming it, or -1 at the
     * end: the plain parser's loop ({@code PlainJsonParser.skipSpace}), kept as its own copy here
     * because one shared static helper measured 1.016, 1.093 and 1.002 in three paired runs.
     */
    private int space() {
        byte[] bytes = b;
        int i = pos;
        while (i < end) {
            int c = bytes[i];
            if (c > ' ') {
                pos = i;
                return c;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                pos = i;
                return c & 0xFF;
            }
            i += 1 + WordScan.spaces(bytes, i + 1);
        }
        pos = end;
        return -1;
    }

    /** Giving up, thrown without a stack trace. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super("not a plain template", null, false, false);
        }
    }
}
