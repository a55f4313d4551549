package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A fast parser of the plain JSON most templates are: objects, arrays, strings (field names
 * without escapes), {@code true}, {@code false} and {@code null}, with at most
 * {@value #MAX_DEPTH} levels of nesting. It gives up on anything else (a number, an escape, a
 * syntax error, content after the root object) by throwing, and {@link TemplateJson} then reads
 * the text again with Jackson, whose tokens, errors and positions are the reference: on a text it
 * does not give up on, this parser returns the tokens and texts Jackson returns.
 *
 * <p>It exists for speed: it reads a string with no parser context or symbol table to set up,
 * scans it as bytes, one per character, in a buffer recycled per thread ({@link ScanBuffers}),
 * eight bytes at a time where it looks for the end of white space or of a string, and takes
 * field names from a {@link NameCache}. It reads a {@code String} with no character beyond U+00FF
 * (one byte per character) and UTF-8 bytes (those beyond ASCII decoded in the names and strings
 * that hold them), and gives up on any other text.
 */
final class PlainJsonParser extends PlainParserBase {

    /** The deepest nesting this parser follows; Jackson's own limit is far above it. */
    static final int MAX_DEPTH = 60;
    /** The longest name or string this parser reads; Jackson's own limits are far above it. */
    static final int MAX_STRING = 10_000;
    private static final GaveUp GAVE_UP = new GaveUp();

    private final ScanBuffers buffers;
    /** The text, one byte per character, from index 0 to {@link #end}, then padding. */
    private final byte[] buf;
    /** The text is UTF-8 bytes with some beyond ASCII: a name or string holding any is decoded, not cut. */
    private final boolean utf8;
    private final int end;
    private int pos;
    /** Where the current string value is in the text (when it has no escape; else -1). */
    private int valueStart = -1;
    private int valueEnd;
    /** One bit per open container, 1 for an object; the innermost is bit 0. */
    private long containers;
    private int depth;
    /** The next token opens a container's first element (or closes an empty container). */
    private boolean first;
    /** The last token was a field name and its value comes next. */
    private boolean valueNext;
    private boolean rootDone;

    /**
     * A parser of a text; one with a character beyond U+00FF has given up before its first token.
     *
     * @param text the JSON text
     */
    PlainJsonParser(String text) {
        this.utf8 = false;
        this.end = text.length();
        this.buffers = ScanBuffers.lend(end);
        this.buf = buffers.bytes;
        if (!buffers.fill(text)) {
            gaveUp = true;
        }
    }

    /**
     * A parser of UTF-8 bytes. Bytes beyond ASCII are read in names and string values, which are
     * then decoded as UTF-8 (a name so decoded is not cached); anywhere else, or not well formed,
     * or in a string with an escape, they make the parser give up.
     *
     * @param utf8 the JSON text
     */
    PlainJsonParser(byte[] utf8) {
        this.end = utf8.length;
        this.buffers = ScanBuffers.lend(end);
        this.buf = buffers.bytes;
        buffers.fill(utf8, end);
        this.utf8 = !WordScan.isAscii(buf, 0, end);
    }

    /**
     * Tells whether this parser gave up, in which case what was read with it must be thrown away.
     *
     * @return true if the text needs Jackson
     */
    boolean gaveUp() {
        return gaveUp;
    }

    /**
     * The template read straight from this parser's buffer by {@link PlainTemplateReader}, before
     * any token is read; null when the text is not one the shortcut reads (this parser is then
     * still at its start, for the template reader).
     *
     * @return what was read, or null
     */
    ReadResult plainTemplate() {
        return gaveUp ? null : PlainTemplateReader.read(buffers, end, utf8);
    }

    @Override
    public void close() {
        if (!closed) {
            buffers.giveBack();
        }
        closed = true;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        if (gaveUp) {
            throw GAVE_UP;
        }
        if (valueNext) {
            valueNext = false;
            return _currToken = value(skipSpace());
        }
        int c = skipSpace();
        if (depth == 0) {
            if (!rootDone && c == '{') {
                return _currToken = open(true);
            }
            if (rootDone && c < 0) {
                return _currToken = null;
            }
            throw giveUp();
        }
        boolean inObject = (containers & 1) != 0;
        if (first) {
            first = false;
            if (c == (inObject ? '}' : ']')) {
                return _currToken = close(inObject);
            }
        } else if (c == ',') {
            pos++;
            c = skipSpace();
        } else if (c == (inObject ? '}' : ']')) {
            return _currToken = close(inObject);
        } else {
            throw giveUp();
        }
        return _currToken = inObject ? fieldName(c) : value(c);
    }

    private JsonToken fieldName(int c) throws GaveUp {
        if (c != '"') {
            throw giveUp();
        }
        name = name();
        if (skipSpace() != ':') {
            throw giveUp();
        }
        pos++;
        valueNext = true;
        return JsonToken.FIELD_NAME;
    }

    private JsonToken value(int c) throws GaveUp {
        switch (c) {
            case '{':
                return open(true);
            case '[':
                return open(false);
            case '"':
                string();
                return JsonToken.VALUE_STRING;
            case 't':
                return literal("true", JsonToken.VALUE_TRUE);
            case 'f':
                return literal("false", JsonToken.VALUE_FALSE);
            case 'n':
                return literal("null", JsonToken.VALUE_NULL);
            default:
                throw giveUp();
        }
    }

    private JsonToken open(boolean object) throws GaveUp {
        if (depth == MAX_DEPTH) {
            throw giveUp();
        }
        pos++;
        containers = containers << 1 | (object ? 1 : 0);
        depth++;
        first = true;
        return object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
    }

    private JsonToken close(boolean object) {
        pos++;
        containers >>>= 1;
        depth--;
        if (depth == 0) {
            rootDone = true;
        }
        return object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
    }

    /** A literal, which must be followed by white space, a comma, a closing bracket or the end. */
    private JsonToken literal(String word, JsonToken token) throws GaveUp {
        int after = pos + word.length();
        if (!matches(pos, word) || after < end && !isDelimiter(buf[after])) {
            throw giveUp();
        }
        pos = after;
        return token;
    }

    private static boolean isDelimiter(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '}' || c == ']';
    }

    /**
     * Skips JSON white space and returns the next character, without consuming it, or -1 at the
     * end. Most characters after a token are not white space, so one comparison tells; a run of
     * white space (a line break and the next line's indent) is skipped eight spaces at a time.
     */
    private int skipSpace() {
        byte[] b = buf;
        int i = pos;
        while (i < end) {
            int c = b[i];
            if (c > ' ') {
                pos = i;
                return c;
            }
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                pos = i;
                return c & 0xFF; // a control character or one beyond ASCII: not a token
            }
            i += 1 + WordScan.spaces(b, i + 1); // past the end is past the loop
        }
        pos = end;
        return -1;
    }

    /** Where the string or name from {@code from} stops being plain characters, as {@link WordScan#stringEnd}. */
    private int stringEnd(int from) {
        return WordScan.stringEnd(buf, from, Math.min(end, from + MAX_STRING + 1));
    }

    /**
     * A string value from the opening quote at pos; consumes the closing quote. A value without
     * escapes is only located ({@link #valueStart}, {@link #valueEnd}): {@link #stringValue()}
     * cuts it from the text when it is asked for, and {@link #vocabularyValue()} may give a cached
     * instance instead.
     */
    private void string() throws GaveUp {
        int start = pos + 1;
        int at = stringEnd(start);
        if (at < 0) {
            throw giveUp();
        }
        byte c = buf[at];
        if (c == '"' && utf8 && !WordScan.isAscii(buf, start, at)) {
            pos = at + 1;
            value = decoded(start, at);
            valueStart = -1;
        } else if (c == '"') {
            pos = at + 1;
            value = null;
            valueStart = start;
            valueEnd = at;
        } else if (c == '\\') {
            value = escaped(start);
            valueStart = -1;
        } else {
            throw giveUp(); // a control character
        }
    }

    @Override
    String stringValue() {
        if (value == null) {
            value = new String(buf, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
        }
        return value;
    }

    /**
     * The current string value, as {@link #getText()}, for a field whose values come from a small
     * vocabulary (an action id, a resource type, a stop condition's source, a filter path, a
     * selection mode, a reference to a target by its name): the instance cached with the field
     * names when the same characters were seen before, interned, so that the catalog's lookups find
     * it by reference and the template does not allocate it again.
     *
     * @return the value
     */
    String vocabularyValue() {
        if (value != null || valueStart < 0 || valueEnd - valueStart > NameCache.MAX_LENGTH) {
            return stringValue();
        }
        value = NameCache.cached(buf, valueStart, valueEnd, NameCache.hash(buf, valueStart, valueEnd));
        return value;
    }

    /** A string value with an escape, read again from its start (the scan stopped at the first backslash); consumes the closing quote. */
    private String escaped(int start) throws GaveUp {
        StringBuilder b = new StringBuilder(32);
        int after = JsonEscapes.read(buf, start, end, MAX_STRING, utf8, b);
        if (after < 0) {
            throw giveUp();
        }
        pos = after;
        return b.toString();
    }

    /**
     * A field name from the opening quote at pos: the cached name when the text between the quotes
     * is one, otherwise read and cached. A name with an escape or a control character is
     * not plain: the scan for the closing quote stops at either, and the parser gives up.
     */
    private String name() throws GaveUp {
        byte[] b = buf;
        int start = pos + 1;
        int quote = stringEnd(start);
        if (quote < 0 || b[quote] != '"') {
            throw giveUp();
        }
        pos = quote + 1;
        int length = quote - start;
        if (utf8 && !WordScan.isAscii(b, start, quote)) {
            return decoded(start, quote); // not cached: the cache holds names read one byte per character
        }
        if (length > NameCache.MAX_LENGTH) {
            return new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        return NameCache.cached(b, start, quote, NameCache.hash(b, start, quote));
    }

    /** The UTF-8 bytes from {@code start} to {@code end} as a string, or giving up if they are not well formed. */
    private String decoded(int start, int end) throws GaveUp {
        String decoded = buffers.utf8(start, end);
        if (decoded == null) {
            throw giveUp();
        }
        return decoded;
    }

    /** Tells whether the text holds {@code word} from {@code at}. */
    private boolean matches(int at, String word) {
        if (at + word.length() > end) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (buf[at + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    GaveUp giveUp() {
        gaveUp = true;
        return GAVE_UP;
    }
}
