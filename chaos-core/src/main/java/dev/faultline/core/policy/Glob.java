package dev.faultline.core.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Glob patterns of safety policies ({@code aws:ec2:*}): {@code *} matches any run of
 * characters, none and {@code :} included; every other character matches itself. Besides
 * matching, it decides whether one pattern covers another and intersects two patterns, which
 * {@link SafetyPolicy#and(SafetyPolicy)} needs to combine allowed lists exactly.
 */
final class Glob {

    private static final char STAR = '*';

    /** Above this many steps an intersection is not worth expanding (real action ids take a few dozen). */
    private static final int MAX_STEPS = 100_000;

    private Glob() {}

    /**
     * Tells whether a text matches a pattern.
     *
     * @param pattern the pattern
     * @param text the text
     * @return true if the whole text matches
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == STAR) {
                star = p++;
                resume = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == STAR) {
            p++;
        }
        return p == pattern.length();
    }

    /**
     * Tells whether a text matches a pattern, ignoring case (for tag keys and values of
     * production markers).
     *
     * @param pattern the pattern
     * @param text the text
     * @return true if the whole text matches, case aside
     */
    static boolean matchesIgnoreCase(String pattern, String text) {
        return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    /**
     * Tells whether any of the patterns matches a text.
     *
     * @param patterns the patterns
     * @param text the text
     * @return the first matching pattern, or null
     */
    static String firstMatch(Collection<String> patterns, String text) {
        for (String pattern : patterns) {
            if (matches(pattern, text)) {
                return pattern;
            }
        }
        return null;
    }

    /**
     * Tells whether every text that {@code narrow} matches is also matched by {@code wide}.
     * Exact for patterns made of literals and stars: {@code wide} must match {@code narrow}
     * with each star of {@code narrow} read as a character that only a star can match.
     *
     * @param wide the pattern that may cover
     * @param narrow the pattern that may be covered
     * @return true if {@code wide} covers {@code narrow}
     */
    static boolean covers(String wide, String narrow) {
        String w = squeeze(wide);
        String n = squeeze(narrow);
        boolean[][] memo = new boolean[w.length() + 1][n.length() + 1];
        boolean[][] done = new boolean[w.length() + 1][n.length() + 1];
        return covers(w, 0, n, 0, memo, done);
    }

    private static boolean covers(String w, int i, String n, int j, boolean[][] memo, boolean[][] done) {
        if (done[i][j]) {
            return memo[i][j];
        }
        boolean result;
        if (i == w.length()) {
            result = j == n.length();
        } else if (w.charAt(i) == STAR) {
            // the star absorbs nothing more, or one more symbol of the narrow pattern (a star included)
            result = covers(w, i + 1, n, j, memo, done) || j < n.length() && covers(w, i, n, j + 1, memo, done);
        } else {
            result = j < n.length() && n.charAt(j) != STAR && n.charAt(j) == w.charAt(i)
                    && covers(w, i + 1, n, j + 1, memo, done);
        }
        done[i][j] = true;
        memo[i][j] = result;
        return result;
    }

    /**
     * The patterns whose union matches exactly the texts both patterns match, without
     * redundant ones; empty when no text matches both.
     *
     * @param a a pattern
     * @param b another pattern
     * @return the intersection as patterns
     */
    static List<String> intersect(String a, String b) {
        Set<String> out = new LinkedHashSet<>();
        intersect(squeeze(a), squeeze(b), "", out, new int[1]);
        return simplify(out);
    }

    private static void intersect(String p, String q, String prefix, Set<String> out, int[] steps) {
        if (++steps[0] > MAX_STEPS) {
            throw new IllegalArgumentException("the patterns '" + p + "' and '" + q + "' are too complex to intersect");
        }
        if (p.isEmpty() || q.isEmpty()) {
            String rest = p.isEmpty() ? q : p;
            if (rest.chars().allMatch(c -> c == STAR)) {
                out.add(squeeze(prefix));
            }
            return;
        }
        char x = p.charAt(0);
        char y = q.charAt(0);
        if (x != STAR && y != STAR) {
            if (x == y) {
                intersect(p.substring(1), q.substring(1), prefix + x, out, steps);
            }
        } else if (x == STAR && y == STAR) {
            // the shorter of the two stars ends first; the longer one goes on
            intersect(p.substring(1), q, prefix + STAR, out, steps);
            intersect(p, q.substring(1), prefix + STAR, out, steps);
        } else if (x == STAR) {
            intersect(p.substring(1), q, prefix, out, steps);
            intersect(p, q.substring(1), prefix + y, out, steps);
        } else {
            intersect(q, p, prefix, out, steps);
        }
    }

    /**
     * Drops the patterns that another pattern of the list covers, keeping the first of equals.
     *
     * @param patterns the patterns
     * @return the patterns without redundant ones, in their order
     */
    static List<String> simplify(Collection<String> patterns) {
        List<String> in = new ArrayList<>(new LinkedHashSet<>(patterns));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            String candidate = in.get(i);
            boolean redundant = false;
            for (int j = 0; j < in.size() && !redundant; j++) {
                if (i != j && covers(in.get(j), candidate)) {
                    // of two patterns that cover each other, keep the earlier one
                    redundant = !covers(candidate, in.get(j)) || j < i;
                }
            }
            if (!redundant) {
                out.add(candidate);
            }
        }
        return out;
    }

    /** Collapses runs of stars, which match the same as one star. */
    static String squeeze(String pattern) {
        if (!pattern.contains("**")) {
            return pattern;
        }
        StringBuilder b = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != STAR || b.length() == 0 || b.charAt(b.length() - 1) != STAR) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
