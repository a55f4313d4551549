package dev.faultline.core.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small writer of well-formed XML (XHTML and SVG): every element it opens it closes, every
 * attribute is quoted, all text and attribute values are escaped with {@link Escape#xml(String)}.
 */
final class Xml {

    private final StringBuilder out = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();

    /** Appends markup as it is; only for constant text written by this package. */
    Xml raw(String markup) {
        out.append(markup);
        return this;
    }

    /**
     * Opens an element.
     *
     * @param tag the element name
     * @param attributes name, value pairs; a pair whose value is null is left out
     */
    Xml open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the element opened last. */
    Xml close() {
        out.append("</").append(open.pop()).append(">\n");
        return this;
    }

    /** Writes an element with no content. */
    Xml empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>\n");
        return this;
    }

    /** Writes an element holding only text. */
    Xml element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** Appends escaped text, cut to {@link Escape#MAX_TEXT} code points. */
    Xml text(String text) {
        out.append(Escape.xml(Escape.bounded(text)));
        return this;
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs, got " + attributes.length);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(Escape.xml(attributes[i + 1])).append('"');
            }
        }
    }

    /** A coordinate with one decimal, in the root locale. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }
}
