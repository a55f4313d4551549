package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A fast parser of the plain JSON most templates are: objects, arrays, strings (field names
 * without escapes), {@code true}, {@code false} and {@code null}, with at most
 * {@value #MAX_DEPTH} levels of nesting. It gives up on anything else (a number, an escape, a
 * syntax error, content after the root object) by throwing, and {@link TemplateJson} then reads
 * the text again with Jackson, whose tokens, errors and positions are the reference: on a text it
 * does not give up on, this parser returns the tokens and texts Jackson returns.
 *
 * <p>It exists for speed: it reads a string with no parser context or symbol table to set up,
 * scans it in a buffer recycled per thread, and takes field names from a {@link NameCache}.
 */
final class PlainJsonParser extends PlainParserBase {

    /** The deepest nesting this parser follows; Jackson's own limit is far above it. */
    static final int MAX_DEPTH = 60;
    /** The longest name or string this parser reads; Jackson's own limits are far above it. */
    private static final int MAX_STRING = 10_000;
    private static final GaveUp GAVE_UP = new GaveUp();

    /** The text itself, which string values are cut from (a Latin-1 text's bytes copy as they are). */
    private final String text;
    /** The text, from index 0 to {@link #end}. */
    private final char[] buf;
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

    PlainJsonParser(String text) {
        this.text = text;
        this.end = text.length();
        this.buf = CharBuffers.lend(end);
        text.getChars(0, end, buf, 0);
    }

    /**
     * Tells whether this parser gave up, in which case what was read with it must be thrown away.
     *
     * @return true if the text needs Jackson
     */
    boolean gaveUp() {
        return gaveUp;
    }

    @Override
    public void close() {
        if (!closed) {
            CharBuffers.giveBack(buf);
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

    private static boolean isDelimiter(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == '}' || c == ']';
    }

    /**
     * Skips JSON white space and returns the next character, without consuming it, or -1 at the
     * end. Most characters after a token are not white space, so one comparison tells.
     */
    private int skipSpace() {
        char[] b = buf;
        int i = pos;
        int e = end;
        while (i < e) {
            char c = b[i];
            if (c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                pos = i;
                return c;
            }
            i++;
        }
        pos = e;
        return -1;
    }

    /**
     * A string value from the opening quote at pos; consumes the closing quote. A value without
     * escapes is only located ({@link #valueStart}, {@link #valueEnd}): {@link #stringValue()}
     * cuts it from the text when it is asked for, and {@link #vocabularyValue()} may give a cached
     * instance instead.
     */
    private void string() throws GaveUp {
        char[] b = buf;
        int start = pos + 1;
        int limit = Math.min(end, start + MAX_STRING + 1);
        for (int i = start; i < limit; i++) {
            char c = b[i];
            if (c > '\\') {
                continue;
            }
            if (c == '"') {
                pos = i + 1;
                value = null;
                valueStart = start;
                valueEnd = i;
                return;
            }
            if (c == '\\') {
                value = escaped(start, i);
                valueStart = -1;
                return;
            }
            if (c < 0x20) {
                throw giveUp();
            }
        }
        throw giveUp();
    }

    @Override
    String stringValue() {
        if (value == null) {
            value = text.substring(valueStart, valueEnd);
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
        char[] b = buf;
        int hash = 0;
        for (int i = valueStart; i < valueEnd; i++) {
            hash = 31 * hash + b[i];
        }
        value = NameCache.cached(buf, valueStart, valueEnd, hash);
        return value;
    }

    /** The rest of a string value with escapes, from its start and the first backslash; consumes the closing quote. */
    private String escaped(int start, int backslash) throws GaveUp {
        StringBuilder b = new StringBuilder(backslash - start + 16).append(buf, start, backslash - start);
        int i = backslash;
        while (true) {
            if (i >= end || i - start > MAX_STRING) {
                throw giveUp();
            }
            char c = buf[i++];
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                throw giveUp();
            }
            if (c == '\\') {
                if (i >= end) {
                    throw giveUp();
                }
                char escape = buf[i++];
                if (escape == 'u') {
                    c = hex(i);
                    i += 4;
                } else {
                    c = unescape(escape);
                }
            }
            b.append(c);
        }
        pos = i;
        return b.toString();
    }

    /** The character a one-letter escape stands for. */
    private char unescape(char c) throws GaveUp {
        switch (c) {
            case '"':
            case '\\':
            case '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                throw giveUp();
        }
    }

    /** The four hexadecimal digits at {@code at} as a character. */
    private char hex(int at) throws GaveUp {
        if (at + 4 > end) {
            throw giveUp();
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            char c = buf[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw giveUp();
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    /**
     * A field name from the opening quote at pos: the cached name when the text between the quotes
     * is one (a cached name holds no escape or control character, so matching it is enough),
     * otherwise read, checked and cached. The scan for the closing quote computes its hash.
     */
    private String name() throws GaveUp {
        char[] b = buf;
        int start = pos + 1;
        int quote = start;
        int hash = 0;
        while (quote < end) {
            char c = b[quote];
            if (c == '"') {
                break;
            }
            hash = 31 * hash + c;
            quote++;
        }
        if (quote == end) {
            throw giveUp();
        }
        int length = quote - start;
        String known = NameCache.find(b, start, quote, hash);
        if (known != null) {
            pos = quote + 1;
            return known;
        }
        for (int i = start; i < quote; i++) {
            char c = b[i];
            if (c < 0x20 || c == '\\') {
                throw giveUp();
            }
        }
        if (length > MAX_STRING) {
            throw giveUp();
        }
        pos = quote + 1;
        return length <= NameCache.MAX_LENGTH ? NameCache.cached(b, start, quote, hash) : new String(b, start, length);
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
