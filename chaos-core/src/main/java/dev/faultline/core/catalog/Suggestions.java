package dev.faultline.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Finds the known names nearest to a misspelt one, for "did you mean" hints. */
public final class Suggestions {

    private Suggestions() {}

    /**
     * The candidates nearest to {@code input}, best first, among those close enough to be a
     * plausible misspelling (case-insensitive edit distance).
     *
     * @param input the misspelt name
     * @param candidates the known names
     * @param max how many to return at most
     * @return the nearest candidates, possibly none
     */
    public static List<String> nearest(String input, Collection<String> candidates, int max) {
        String in = input.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, in.length() / 3);
        List<String> best = new ArrayList<>();
        List<Integer> scores = new ArrayList<>();
        for (String candidate : candidates) {
            int d = distance(in, candidate.toLowerCase(Locale.ROOT));
            if (d > limit) {
                continue;
            }
            int at = 0;
            while (at < scores.size() && scores.get(at) <= d) {
                at++;
            }
            scores.add(at, d);
            best.add(at, candidate);
        }
        return best.size() > max ? List.copyOf(best.subList(0, max)) : List.copyOf(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
