package dev.faultline.core.validation;

import dev.faultline.core.catalog.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Small checks shared by the rules: presence and length in code points, as FIS counts them. */
final class Checks {

    private Checks() {}

    /** Adds a {@code required} error when the value is absent; returns the value or null. */
    static String required(Optional<String> value, String path, String what, String hint, List<Violation> out) {
        if (value.isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, path, what + " is required.", hint));
            return null;
        }
        return value.get();
    }

    /** {@link #required(Optional, String, String, String, List)} at a pointer built only for the error. */
    static String required(Optional<String> value, JsonPointer path, String what, String hint, List<Violation> out) {
        if (value.isEmpty()) {
            return required(value, path.toString(), what, hint, out);
        }
        return value.get();
    }

    /** {@link #required(Optional, String, String, String, List)} at field {@code token} of {@code parent}, built only for the error. */
    static String required(Optional<String> value, JsonPointer parent, String token, String what, String hint,
            List<Violation> out) {
        if (value.isEmpty()) {
            return required(value, parent.child(token), what, hint, out);
        }
        return value.get();
    }

    /** {@link #length(String, int, int, String, String, List)} at field {@code token} of {@code parent}, built only for an error. */
    static void length(String value, int min, int max, JsonPointer parent, String token, String what,
            List<Violation> out) {
        if (!fits(value, min, max)) {
            length(value, min, max, parent.child(token).toString(), what, out);
        }
    }

    /** {@link #length(String, int, int, String, String, List)} at a pointer built only for an error. */
    static void length(String value, int min, int max, JsonPointer path, String what, List<Violation> out) {
        if (!fits(value, min, max)) {
            length(value, min, max, path.toString(), what, out);
        }
    }

    /** {@link #nonBlank(String, String, String, List)} at a pointer built only for an error. */
    static void nonBlank(String value, JsonPointer path, String what, List<Violation> out) {
        if (value != null && !value.isEmpty() && !hasNonBlank(value)) {
            nonBlank(value, path.toString(), what, out);
        }
    }

    /**
     * Adds a {@code length} error when the value's code-point count is outside min..max; a value
     * holding a placeholder is not reported as too short.
     */
    static void length(String value, int min, int max, String path, String what, List<Violation> out) {
        if (value == null) {
            return;
        }
        int units = value.length();
        if (units <= max && (units + 1) / 2 >= min) {
            return; // a code point is one or two UTF-16 units
        }
        int n = value.codePointCount(0, units);
        if (n > max) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_TOO_LONG, path, what + " is " + n + " characters long; FIS allows at most " + max + ".",
                    "Shorten it to " + max + " characters or fewer."));
        } else if (n < min && !Placeholders.contains(value)) { // the real value's length is not known yet
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_TOO_SHORT, path, what + (n == 0 ? " is empty" : " is " + n + " characters long")
                    + "; FIS needs at least " + min + ".", min == 1 ? "Give it a value." : "Give it at least " + min + " characters."));
        }
    }

    /**
     * The nearest of the names a template defines (targets, actions), for a did-you-mean hint. A
     * reference longer than any legal name (64 code points, so at most 128 UTF-16 units) gets none:
     * it is already a length error, and the edit distance between two long strings of similar
     * length costs their product in time and memory. Nor does a template with more than
     * {@value #MAX_SUGGESTED_NAMES} names (50 times FIS's 20 actions): each search looks at every
     * name, so n unknown references among n names would cost n².
     */
    static List<String> nearestName(String reference, Collection<String> names) {
        return reference.length() > 128 || names.size() > MAX_SUGGESTED_NAMES ? List.of()
                : Suggestions.nearest(reference, names, 1);
    }

    /** The most names a did-you-mean among a template's own names searches. */
    static final int MAX_SUGGESTED_NAMES = 1000;

    /**
     * The first {@code max} names joined by {@code separator}, then "and N more" for the rest, so
     * that a message about a huge template stays short.
     */
    static String few(Collection<String> names, String separator, int max) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (String name : names) {
            if (i == max) {
                return b.append(" and ").append(names.size() - max).append(" more").toString();
            }
            if (i++ > 0) {
                b.append(separator);
            }
            b.append(name);
        }
        return b.toString();
    }

    /** Tells whether a string holds a non-whitespace character (FIS's unanchored {@code [\S]+}). */
    static boolean hasNonBlank(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Adds a {@code pattern} error when a value FIS matches with {@code [\S]+} is blank. */
    static void nonBlank(String value, String path, String what, List<Violation> out) {
        if (value != null && !value.isEmpty() && !hasNonBlank(value)) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_FORMAT, path, what + " is only whitespace.", "Give it a visible value."));
        }
    }

    /**
     * Tells, without building any message or path, whether a value's length in code points is
     * within min..max (null counts as fitting: absence is the required check's business). The
     * rules call it first and build a JSON Pointer only for a value that does not fit.
     */
    static boolean fits(String value, int min, int max) {
        if (value == null) {
            return true;
        }
        int units = value.length();
        if (units <= max && (units + 1) / 2 >= min) {
            return true;
        }
        int n = value.codePointCount(0, units);
        return n >= min && n <= max;
    }
}
