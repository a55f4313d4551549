package dev.faultline.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the names closest to a misspelt one, for "did you mean" hints on action IDs, target
 * keys, parameter names and field names.
 *
 * <p>Names are compared case-insensitively and with {@code -}, {@code _}, {@code .} and spaces
 * removed, by optimal-string-alignment distance (Levenshtein plus transposition of two
 * adjacent characters). A candidate is suggested when its distance is at most about a quarter
 * of the input's length (at least 1, at most 4); ties are broken by the case-insensitive
 * distance before normalisation, then by the case-sensitive distance, then by the candidates'
 * order.
 *
 * <pre>{@code
 * Suggestions.nearest("startInstanceAfterDuration", action.parameters().keySet(), 3);
 * // [startInstancesAfterDuration]
 * Suggestions.nearest("instances", List.of("Instances", "SpotInstances"), 3);
 * // [Instances]
 * }</pre>
 */
public final class Suggestions {

    private static final int MAX_DISTANCE = 4;
    private static final int MAX_LENGTH = 256;

    private Suggestions() {
    }

    /**
     * Returns up to {@code max} candidates close to the input, best first.
     *
     * @param input      the name that was not found
     * @param candidates the valid names; duplicates are ignored
     * @param max        the most suggestions to return; 0 returns none
     * @return the close candidates, best first; empty when none is close enough
     */
    public static List<String> nearest(String input, Collection<String> candidates, int max) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(candidates, "candidates");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        String normalisedInput = normalise(input);
        String lowerInput = input.toLowerCase(Locale.ROOT);
        if (normalisedInput.length() > MAX_LENGTH) {
            return List.of(); // no FIS name is this long; a suggestion would only cost time and memory
        }
        int limit = limitFor(normalisedInput.length());
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (String candidate : new LinkedHashSet<>(candidates)) {
            if (candidate == null) {
                continue;
            }
            String normalised = normalise(candidate);
            if (Math.abs(normalised.length() - normalisedInput.length()) <= limit) {
                int distance = distance(normalisedInput, normalised);
                if (distance <= limit) {
                    int raw = distance(lowerInput, candidate.toLowerCase(Locale.ROOT));
                    scored.add(new Scored(candidate, distance, raw, distance(input, candidate), order));
                }
            }
            order++;
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::distance)
                        .thenComparingInt(Scored::raw)
                        .thenComparingInt(Scored::exact)
                        .thenComparingInt(Scored::order))
                .limit(max)
                .map(Scored::candidate)
                .toList();
    }

    /**
     * Returns the single closest candidate.
     *
     * @param input      the name that was not found
     * @param candidates the valid names
     * @return the best candidate, or empty when none is close enough
     */
    public static Optional<String> best(String input, Collection<String> candidates) {
        return nearest(input, candidates, 1).stream().findFirst();
    }

    /** The largest distance still worth suggesting for an input of the given length. */
    static int limitFor(int length) {
        return Math.max(1, Math.min(MAX_DISTANCE, (length + 2) / 4));
    }

    /** Lower-cases the name and drops the separators people swap or forget. */
    static String normalise(String name) {
        StringBuilder text = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_' && c != '.' && c != ' ') {
                text.append(Character.toLowerCase(c));
            }
        }
        return text.toString();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(String candidate, int distance, int raw, int exact, int order) {
    }
}
