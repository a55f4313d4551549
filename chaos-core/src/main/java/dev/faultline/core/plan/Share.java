package dev.faultline.core.plan;

import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.Objects;

/**
 * The worst-case share of a target's resources an experiment can harm, read from the
 * template alone: {@code ALL} is 100 % of the matching resources, {@code PERCENT(n)} is n %,
 * {@code COUNT(n)} is up to n resources, and a target given by k ARNs is exactly the
 * selection mode's pick of those k.
 *
 * <pre>{@code
 * Share.of(target).describe();   // "20% of matching resources"
 * }</pre>
 */
public final class Share {

    /** What the share is measured in. */
    public enum Kind {
        /** Every matching resource; {@link #value()} is 100. */
        ALL,
        /** A percentage of the matching resources, rounded down; {@link #value()} is the percentage. */
        PERCENT,
        /** At most a number of resources; {@link #value()} is the number. */
        COUNT,
        /** Exactly a number of resources, given by ARN; {@link #value()} is the number. */
        EXACT,
        /** Not known: the selection mode is missing or not valid; {@link #value()} is 0. */
        UNKNOWN
    }

    private final Kind kind;
    private final long value;
    private final String unknownBecause;

    private Share(Kind kind, long value, String unknownBecause) {
        this.kind = kind;
        this.value = value;
        this.unknownBecause = unknownBecause;
    }

    /**
     * Reads the worst-case share of a target from its selection mode and ARNs.
     *
     * @param target the target
     * @return its share
     */
    public static Share of(TemplateTarget target) {
        Objects.requireNonNull(target, "target");
        if (target.selectionMode().isEmpty()) {
            return new Share(Kind.UNKNOWN, 0, "no selection mode");
        }
        SelectionMode mode = target.selectionMode().get();
        if (!mode.isValid()) {
            return new Share(Kind.UNKNOWN, 0, "selection mode \"" + mode.text() + "\" is not valid");
        }
        if (!target.resourceArns().isEmpty()) {
            return new Share(Kind.EXACT, mode.chosenOf(target.resourceArns().size()), "");
        }
        switch (mode.kind()) {
            case ALL:
                return new Share(Kind.ALL, 100, "");
            case PERCENT:
                return new Share(Kind.PERCENT, Math.min(mode.value(), 100), "");
            default:
                return new Share(Kind.COUNT, mode.value(), "");
        }
    }

    /**
     * What the share is measured in.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The percentage ({@link Kind#ALL}, {@link Kind#PERCENT}) or the number of resources
     * ({@link Kind#COUNT}, {@link Kind#EXACT}); 0 when {@link Kind#UNKNOWN}.
     *
     * @return the value
     */
    public long value() {
        return value;
    }

    /**
     * Says the share in words.
     *
     * @return for example {@code 100% of matching resources}, {@code up to 3 resources},
     *     {@code exactly 1 resource}
     */
    public String describe() {
        switch (kind) {
            case ALL:
            case PERCENT:
                return value + "% of matching resources";
            case COUNT:
                return "up to " + resources(value);
            case EXACT:
                return "exactly " + resources(value);
            default:
                return "unknown: " + unknownBecause;
        }
    }

    static String resources(long n) {
        return n + (n == 1 ? " resource" : " resources");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share that && kind == that.kind && value == that.value
                && unknownBecause.equals(that.unknownBecause);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, unknownBecause);
    }

    @Override
    public String toString() {
        return describe();
    }
}
