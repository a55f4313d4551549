package dev.faultline.core.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds unresolved placeholders in template text: {@code <YOUR AWS ACCOUNT>} as the AWS
 * samples write them, {@code ${AccountId}} as CloudFormation substitutions do, and
 * {@code {{ aws:region }}} as SSM-style variables do.
 */
public final class Placeholders {

    private Placeholders() {}

    /**
     * The placeholders in a text, in order.
     *
     * @param text the text
     * @return the placeholders, such as {@code <YOUR AWS ACCOUNT>}; empty when there are none
     */
    public static List<String> find(String text) {
        List<String> found = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = -1;
            if (c == '<') {
                end = closing(text, i + 1, '>', '<');
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                end = closing(text, i + 2, '}', '{');
            } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int close = closing(text, i + 2, '}', '{');
                end = close > 0 && close + 1 < text.length() && text.charAt(close + 1) == '}' ? close + 1 : -1;
            }
            if (end > 0) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(text.substring(i, end + 1));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found == null ? List.of() : found;
    }

    /**
     * Tells whether a text holds a placeholder.
     *
     * @param text the text
     * @return true if {@link #find(String)} finds one
     */
    public static boolean contains(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '{') {
                return !find(text).isEmpty(); // rare: only text that may hold one is searched
            }
        }
        return false;
    }

    /**
     * The text with the colons inside its placeholders hidden ({@code {{ aws:region }}} becomes
     * {@code {{ aws.region }}}), so that an ARN holding one splits into the right parts.
     *
     * @param text the text
     * @return the text, with each placeholder's colons replaced by dots
     */
    public static String colonsHidden(String text) {
        String hidden = text;
        for (String placeholder : find(text)) {
            hidden = hidden.replace(placeholder, placeholder.replace(':', '.'));
        }
        return hidden;
    }

    private static int closing(String text, int from, char close, char reopen) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == close) {
                return j > from ? j : -1;
            }
            if (c == reopen || c == '"') {
                return -1;
            }
        }
        return -1;
    }
}
