package dev.faultline.core.json;

/**
 * The escapes of a JSON string, for the plain parser: what a one-letter escape stands for and the
 * character of a {@code \}{@code uXXXX} escape, or -1 for what JSON does not allow (the parser then
 * gives up, and Jackson reports it).
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
}
