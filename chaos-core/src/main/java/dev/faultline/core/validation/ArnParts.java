package dev.faultline.core.validation;

import java.util.List;

/**
 * The parts of an ARN, recognised character by character without a regular expression or a
 * substring: partition, service, Region and account, on the whole text or between two indexes.
 */
final class ArnParts {

    private ArnParts() {}

    /** The index of the first colon at or after {@code from}, or -1: a plain loop, cheaper than {@code indexOf} over an ARN's short parts. */
    static int colon(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Tells whether the text from {@code from} on is a 12-digit account ID and a colon. */
    static boolean isAccountThenColon(String text, int from) {
        int end = from + 12;
        return end < text.length() && text.charAt(end) == ':' && isAccount(text, from, end);
    }

    /**
     * Tells whether the text from {@code from} on holds a {@code '<'} or a {@code '{'}, the
     * characters every placeholder starts with; by {@code indexOf}, which the JIT scans many
     * characters at a time with, faster than a loop over an ARN's resource.
     */
    static boolean mayHoldPlaceholder(String text, int from) {
        return text.indexOf('<', from) >= 0 || text.indexOf('{', from) >= 0;
    }

    /** Tells whether the text between from and to is one of the partitions. */
    static boolean isPartition(String text, int from, int to) {
        List<String> partitions = ArnRules.PARTITIONS;
        for (int i = 0; i < partitions.size(); i++) { // indexed: no iterator
            if (matches(text, from, to, partitions.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether the text between from and to is {@code part}. */
    static boolean matches(String text, int from, int to, String part) {
        return to - from == part.length() && text.startsWith(part, from);
    }

    /** A service name: lowercase letters, digits and dashes. */
    static boolean isServiceName(String s) {
        return isServiceName(s, 0, s.length());
    }

    /** {@link #isServiceName(String)} on the text between from and to. */
    static boolean isServiceName(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A 12-digit account ID. */
    static boolean isAccount(String s) {
        return isAccount(s, 0, s.length());
    }

    /** {@link #isAccount(String)} on the text between from and to. */
    static boolean isAccount(String s, int from, int to) {
        if (to - from != 12) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A Region code: letters, dash-separated words, then a number ({@code us-gov-west-1}, {@code eusc-de-east-1}). */
    static boolean isRegion(String s) {
        return isRegion(s, 0, s.length());
    }

    /** {@link #isRegion(String)} on the text between from and to. */
    static boolean isRegion(String s, int from, int to) {
        int last = s.lastIndexOf('-', to - 1);
        last = last < from ? -1 : last;
        int digits = to - last - 1;
        if (last < 0 || digits < 1 || digits > 2) {
            return false;
        }
        for (int i = last + 1; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int words = 0;
        int length = 0;
        int first = 0;
        for (int i = from; i < last; i++) {
            char c = s.charAt(i);
            if (c == '-') {
                if (length == 0) {
                    return false;
                }
                first = words == 0 ? length : first;
                words++;
                length = 0;
            } else if (c >= 'a' && c <= 'z') {
                length++;
            } else {
                return false;
            }
        }
        if (length == 0) {
            return false;
        }
        first = words == 0 ? length : first;
        words++;
        return words >= 2 && first >= 2 && first <= 4;
    }
}
