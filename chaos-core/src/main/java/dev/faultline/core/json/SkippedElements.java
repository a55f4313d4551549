package dev.faultline.core.json;

import dev.faultline.core.validation.JsonPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The list elements the reader skipped (a {@code 5} where a stop condition object belongs, a
 * {@code null} in {@code startAfter}), so that a path the validator gives in the model's
 * numbering ({@code /stopConditions/0/value}, the first element kept) can be turned back into
 * the document's ({@code /stopConditions/1/value}). Empty, and free, for a document without such
 * elements.
 */
final class SkippedElements {

    /** List pointer in the document's numbering to the skipped indexes, ascending; made at the first skip. */
    private Map<String, List<Integer>> skipped;

    /** Records that the element {@code index} of the list at {@code list} was not kept. */
    void add(JsonPointer list, int index) {
        if (skipped == null) {
            skipped = new HashMap<>();
        }
        skipped.computeIfAbsent(list.toString(), k -> new ArrayList<>()).add(index);
    }

    boolean isEmpty() {
        return skipped == null;
    }

    /**
     * A path in the model's numbering, as a path into the document: each index into a list that
     * had elements skipped is moved past them, outer lists first.
     *
     * @param path an RFC 6901 pointer into the document (prefix included), indexes counting kept elements
     * @return the pointer with indexes counting every element of the document
     */
    String toDocument(String path) {
        if (skipped == null || path.isEmpty()) {
            return path;
        }
        String[] tokens = path.substring(1).split("/", -1);
        StringBuilder at = new StringBuilder(path.length() + 4);
        for (String token : tokens) {
            List<Integer> gaps = skipped.get(at.toString());
            at.append('/').append(gaps == null ? token : moved(token, gaps));
        }
        return at.toString();
    }

    /** The index {@code token} of the kept elements, as an index of all elements. */
    private static String moved(String token, List<Integer> gaps) {
        if (token.isEmpty() || token.length() > 9 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return token;
        }
        int index = Integer.parseInt(token);
        for (int gap : gaps) {
            if (gap <= index) {
                index++;
            } else {
                break;
            }
        }
        return Integer.toString(index);
    }
}
