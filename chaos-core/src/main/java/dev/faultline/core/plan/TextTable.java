package dev.faultline.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out rows of text in left-aligned columns two spaces apart, without trailing blanks.
 * Control characters in cells (a template's names are untrusted text) print as {@code ?}.
 */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    TextTable row(String... cells) {
        List<String> cleaned = new ArrayList<>();
        for (String cell : cells) {
            cleaned.add(printable(cell));
        }
        rows.add(cleaned);
        return this;
    }

    /** Replaces control characters (line breaks, the ESC of terminal escape sequences) with {@code ?}. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** The table, each line indented and ended by a newline. */
    String render(String indent) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (widths.size() <= i) {
                    widths.add(0);
                }
                widths.set(i, Math.max(widths.get(i), row.get(i).length()));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths.get(i) - row.get(i).length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
