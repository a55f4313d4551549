package dev.faultline.core.report;

/**
 * Makes user text (names, descriptions, reasons, tag values) inert in the report's formats:
 * XML/HTML/SVG text and attributes, and Markdown (inline text and table cells).
 */
final class Escape {

    private Escape() {}

    /**
     * Escapes text for XHTML or SVG, in element content and in quoted attributes alike.
     * Characters XML 1.0 cannot hold (most control characters, lone surrogates) become U+FFFD.
     *
     * @param text the text, null for none
     * @return the escaped text
     */
    static String xml(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> i = appendXmlChar(out, text, i);
            }
        }
        return out.toString();
    }

    private static int appendXmlChar(StringBuilder out, String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(i + 1));
            return i + 1;
        }
        boolean legal = c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
        out.append(legal && !Character.isSurrogate(c) ? c : '\uFFFD');
        return i;
    }

    /**
     * Escapes text for Markdown: one line (line breaks become spaces), with the characters that
     * start emphasis, links, code, raw HTML or table cells backslash-escaped.
     *
     * @param text the text, null for none
     * @return the escaped text, safe in inline text and in a table cell
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if ("\\`*_[]<>|&~".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
