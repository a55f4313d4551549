package dev.faultline.core.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A view of a {@link ValidationResult} for output: at most {@code maxPerCode} violations of each
 * code, in the order found, and how many of each code were left out. A template with 20,000
 * unknown references prints 20 of them and "19,980 more"; the full result stays available.
 *
 * <pre>{@code
 * CappedResult shown = result.capped(CappedResult.DEFAULT_MAX_PER_CODE);
 * shown.violations().forEach(System.out::println);
 * shown.omitted().forEach((code, n) -> System.out.println(code + ": " + n + " more"));
 * }</pre>
 */
public final class CappedResult {

    /** The cap that output uses unless told otherwise: 20 violations of one code per template. */
    public static final int DEFAULT_MAX_PER_CODE = 20;

    private final ValidationResult full;
    private final int maxPerCode;
    private final List<Violation> shown;
    private final Map<String, Integer> omitted;

    private CappedResult(ValidationResult full, int maxPerCode) {
        this.full = full;
        this.maxPerCode = maxPerCode;
        List<Violation> all = full.violations();
        if (maxPerCode == 0) {
            this.shown = all;
            this.omitted = Map.of();
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> left = new LinkedHashMap<>();
        List<Violation> kept = new ArrayList<>(Math.min(all.size(), 256));
        for (Violation v : all) {
            int n = counts.merge(v.code(), 1, Integer::sum);
            if (n <= maxPerCode) {
                kept.add(v);
            } else {
                left.merge(v.code(), 1, Integer::sum);
            }
        }
        this.shown = left.isEmpty() ? all : Collections.unmodifiableList(kept);
        this.omitted = Collections.unmodifiableMap(left);
    }

    /**
     * Caps a result.
     *
     * @param result the full result
     * @param maxPerCode the most violations of one code to show, or 0 for no cap
     * @return the capped view
     */
    public static CappedResult of(ValidationResult result, int maxPerCode) {
        Objects.requireNonNull(result, "result");
        if (maxPerCode < 0) {
            throw new IllegalArgumentException("maxPerCode must be 0 (no cap) or more, was " + maxPerCode);
        }
        return new CappedResult(result, maxPerCode);
    }

    /**
     * The violations to show: of each code the first {@link #maxPerCode()}, in the order found.
     *
     * @return the violations shown
     */
    public List<Violation> violations() {
        return shown;
    }

    /**
     * How many violations of each code were left out, for the codes that had some left out, in the
     * order the codes were first left out.
     *
     * @return code to the number left out
     */
    public Map<String, Integer> omitted() {
        return omitted;
    }

    /**
     * How many violations were left out in all.
     *
     * @return the number left out
     */
    public int omittedCount() {
        return full.violations().size() - shown.size();
    }

    /**
     * The cap.
     *
     * @return the most violations of one code shown, 0 for no cap
     */
    public int maxPerCode() {
        return maxPerCode;
    }

    /**
     * The result with every violation.
     *
     * @return the full result
     */
    public ValidationResult full() {
        return full;
    }

    @Override
    public String toString() {
        return "CappedResult[" + shown.size() + " shown, " + omittedCount() + " left out]";
    }
}
