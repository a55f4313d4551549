package dev.faultline.core.report;

/**
 * Makes user text (names, descriptions, reasons, tag values) inert in the report's formats:
 * XML/HTML/SVG text and attributes, and Markdown (inline text and table cells).
 */
final class Escape {

    /**
     * The longest user text the HTML and Markdown reports show, in code points; longer text is
     * cut there with a note of how much was left out (report.json keeps every text whole).
     */
    static final int MAX_TEXT = 1000;

    private Escape() {}

    /**
     * Text cut to {@link #MAX_TEXT} code points, with a note of what was left out.
     *
     * @param text the text, null for none
     * @return the text, or its beginning and the note
     */
    static String bounded(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int points = text.codePointCount(0, text.length());
        if (points <= MAX_TEXT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_TEXT)) + "… (" + (points - MAX_TEXT)
                + " more characters; the full text is in report.json)";
    }

    /**
     * Whether a character is a bidirectional control (embedding, override, isolate or mark),
     * which could make a reader see text in another order than it is.
     *
     * @param c the character
     * @return true for U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069
     */
    static boolean bidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }

    /** A bidirectional control made visible and inert: {@code [U+202E]}. */
    private static String shown(char c) {
        return String.format(java.util.Locale.ROOT, "[U+%04X]", (int) c);
    }

    /**
     * Escapes text for XHTML or SVG, in element content and in quoted attributes alike.
     * Characters XML 1.0 cannot hold (most control characters, lone surrogates) become U+FFFD;
     * bidirectional controls become visible ({@code [U+202E]}) so they cannot reorder the text.
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
                default -> {
                    if (bidiControl(c)) {
                        out.append(shown(c));
                    } else {
                        i = appendXmlChar(out, text, i);
                    }
                }
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
     * Escapes text for Markdown: one line (line breaks become spaces), at most {@link #MAX_TEXT}
     * code points ({@link #bounded}), with the characters that start emphasis, links, code, raw
     * HTML or table cells backslash-escaped and bidirectional controls made visible.
     *
     * @param raw the text, null for none
     * @return the escaped text, safe in inline text and in a table cell
     */
    static String markdown(String raw) {
        if (raw == null) {
            return "";
        }
        String text = bounded(raw);
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
            } else if (bidiControl(c)) {
                out.append(shown(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
