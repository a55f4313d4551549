package dev.faultline.core.json;

/**
 * The escapes of a JSON string, for the plain parser and the plain template reader: what a
 * one-letter escape stands for, the character of a {@code \}{@code uXXXX} escape, and a string with
 * escapes read whole; -1 for what JSON does not allow (the reader then gives up, and Jackson reports
 * it).
 */
final class JsonEscapes {

    private JsonEscapes() {}

    /**
     * The character a one-letter escape stands for.
     *
     * @param c the letter after the backslash
     * @return the character, or -1 if JSON has no such escape
     */
    static int unescape(char c) {
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
                return -1;
        }
    }

    /**
     * The four hexadecimal digits at {@code at} as a character.
     *
     * @param b the text, one byte per character
     * @param at where the digits start
     * @param end the end of the text
     * @return the character, or -1 if there are not four hexadecimal digits before the end
     */
    static int hex(byte[] b, int at, int end) {
        if (at + 4 > end) {
            return -1;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int c = b[i];
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * Reads a string with escapes, from its first character (after the opening quote) to its
     * closing quote, into {@code out}.
     *
     * @param b the text, one byte per character (or UTF-8)
     * @param start the string's first character
     * @param end the end of the text
     * @param maxLength the most characters of the text the string may take
     * @param utf8 whether the text is UTF-8: a byte beyond ASCII is then not read here
     * @param out where the string's characters go
     * @return the position after the closing quote, or -1 if the string is not plain: it has no
     *     end, is too long, holds a control character, an escape JSON does not allow, or a byte
     *     beyond ASCII of UTF-8 text
     */
    static int read(byte[] b, int start, int end, int maxLength, boolean utf8, StringBuilder out) {
        int i = start;
        while (true) {
            if (i >= end || i - start > maxLength) {
                return -1;
            }
            char c = (char) (b[i++] & 0xFF);
            if (c == '"') {
                return i;
            }
            if (c >= 0x80 && utf8 || c < 0x20) {
                return -1; // UTF-8 beyond ASCII in a string with an escape: Jackson's; a control character
            }
            if (c == '\\') {
                if (i >= end) {
                    return -1;
                }
                char escape = (char) (b[i++] & 0xFF);
                int unescaped = escape == 'u' ? hex(b, i, end) : unescape(escape);
                if (unescaped < 0) {
                    return -1;
                }
                c = (char) unescaped;
                i += escape == 'u' ? 4 : 0;
            }
            out.append(c);
        }
    }
}
