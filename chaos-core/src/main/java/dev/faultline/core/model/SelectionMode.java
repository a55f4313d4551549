package dev.faultline.core.model;

import java.util.Objects;

/**
 * How many of a target's identified resources FIS chooses: {@code ALL}, {@code COUNT(n)} or
 * {@code PERCENT(n)} (the percentage rounds down).
 *
 * <p>{@link #of(String)} keeps any text, also text outside the grammar, so that a template can
 * be read whole and the validator can report it; {@link #isValid()} tells which it is.
 */
public final class SelectionMode {

    /** The kind of selection. */
    public enum Kind {
        /** Every identified resource. */
        ALL,
        /** A fixed number of resources, chosen at random. */
        COUNT,
        /** A percentage of the resources, rounded down, chosen at random. */
        PERCENT,
        /** Text that is not in FIS's grammar. */
        UNRECOGNIZED
    }

    private static final SelectionMode ALL = new SelectionMode(Kind.ALL, 0, "ALL");

    private final Kind kind;
    private final long value;
    private final String text;

    private SelectionMode(Kind kind, long value, String text) {
        this.kind = kind;
        this.value = value;
        this.text = text;
    }

    /**
     * Every identified resource.
     *
     * @return {@code ALL}
     */
    public static SelectionMode all() {
        return ALL;
    }

    /**
     * A fixed number of resources.
     *
     * @param n how many, at least 1
     * @return {@code COUNT(n)}
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static SelectionMode count(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + n);
        }
        return new SelectionMode(Kind.COUNT, n, "COUNT(" + n + ")");
    }

    /**
     * A percentage of the resources, rounded down.
     *
     * @param percent the percentage, 1 to 100
     * @return {@code PERCENT(percent)}
     * @throws IllegalArgumentException if {@code percent} is not within 1..100
     */
    public static SelectionMode percent(int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be within 1..100, was " + percent);
        }
        return new SelectionMode(Kind.PERCENT, percent, "PERCENT(" + percent + ")");
    }

    /**
     * Reads a selection mode from its text, never failing: text outside the grammar
     * {@code ALL | COUNT(n) | PERCENT(n)} gives an {@link Kind#UNRECOGNIZED} mode that keeps it.
     *
     * @param text the text, for example {@code PERCENT(25)}
     * @return the selection mode
     */
    public static SelectionMode of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("ALL")) {
            return ALL;
        }
        if (text.startsWith("COUNT(")) {
            return numeric(Kind.COUNT, text, 6);
        }
        if (text.startsWith("PERCENT(")) {
            return numeric(Kind.PERCENT, text, 8);
        }
        return new SelectionMode(Kind.UNRECOGNIZED, 0, text);
    }

    private static SelectionMode numeric(Kind kind, String text, int start) {
        int end = text.length() - 1;
        if (end <= start || end - start > 18 || text.charAt(end) != ')') {
            return new SelectionMode(Kind.UNRECOGNIZED, 0, text);
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return new SelectionMode(Kind.UNRECOGNIZED, 0, text);
            }
            n = n * 10 + (c - '0');
        }
        return new SelectionMode(kind, n, text);
    }

    /**
     * The kind of selection.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The number in {@code COUNT(n)} or {@code PERCENT(n)}; 0 for the other kinds.
     *
     * @return the number
     */
    public long value() {
        return value;
    }

    /**
     * Tells whether the text fits FIS's grammar (the range of the number is the validator's job).
     *
     * @return true unless {@link Kind#UNRECOGNIZED}
     */
    public boolean isValid() {
        return kind != Kind.UNRECOGNIZED;
    }

    /**
     * How many of {@code available} resources this mode chooses, as FIS does it (PERCENT
     * rounds down, COUNT is capped by what exists).
     *
     * @param available how many resources were identified
     * @return how many are chosen
     */
    public long chosenOf(long available) {
        switch (kind) {
            case ALL:
                return available;
            case COUNT:
                return Math.min(value, available);
            case PERCENT:
                return available * Math.min(value, 100) / 100;
            default:
                return 0;
        }
    }

    /**
     * The text as it appears in a template.
     *
     * @return for example {@code PERCENT(20)}
     */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectionMode && ((SelectionMode) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
