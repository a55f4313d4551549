package dev.faultline.core.plan;

import java.util.List;
import org.immutables.value.Value;

/**
 * An action the plan cannot place on the timeline, and why: it is in a startAfter cycle, it
 * starts after an action the template does not define, or it starts after another action that
 * cannot be placed.
 *
 * <pre>{@code
 * plan.unscheduledActions().get(0).describe();   // "in a startAfter cycle: a → b → a"
 * }</pre>
 */
@Value.Immutable
public abstract class UnscheduledAction {

    /** The most names {@link #related()} holds for a cycle; the others are counted by {@link #relatedOmitted()}. */
    public static final int MAX_RELATED = 10;

    /** Why an action cannot be placed. */
    public enum Reason {
        /**
         * The action is in a startAfter cycle; {@link #related()} is the cycle of its group of
         * actions, the one the validator's {@code graph.cycle} names, first name repeated last.
         * Of a cycle of more than {@value UnscheduledAction#MAX_RELATED} actions it holds the first
         * {@value UnscheduledAction#MAX_RELATED} only, and {@link #relatedOmitted()} counts the
         * rest, so that a cycle of n actions costs O(n), not O(n²).
         */
        CYCLE,
        /** The action starts after names the template does not define; {@link #related()} lists them. */
        UNKNOWN_DEPENDENCY,
        /** The action starts after actions that cannot be placed; {@link #related()} lists them. */
        AFTER_UNSCHEDULED
    }

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The action's name in the template.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * Why the action cannot be placed.
     *
     * @return the reason
     */
    public abstract Reason reason();

    /**
     * The action names behind the reason: the cycle, the unknown names, or the unscheduled
     * actions waited for.
     *
     * @return the names
     */
    public abstract List<String> related();

    /**
     * How many names {@link #related()} leaves out: for a cycle of more than
     * {@value #MAX_RELATED} actions, the rest of the cycle; otherwise 0.
     *
     * @return the number of names left out
     */
    @Value.Default
    public int relatedOmitted() {
        return 0;
    }

    /**
     * Says why in one phrase.
     *
     * @return for example {@code starts after unknown action "warmup"}
     */
    public String describe() {
        switch (reason()) {
            case CYCLE:
                return "in a startAfter cycle: " + String.join(" → ", related())
                        + (relatedOmitted() > 0 ? " → … (" + relatedOmitted() + " more)" : "");
            case UNKNOWN_DEPENDENCY:
                return "starts after unknown action" + (related().size() > 1 ? "s " : " ") + quoted(related());
            default:
                return "starts after unscheduled action" + (related().size() > 1 ? "s " : " ") + quoted(related());
        }
    }

    private static String quoted(List<String> names) {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append('"').append(name).append('"');
        }
        return out.toString();
    }

    /** Builds {@link UnscheduledAction} values. */
    public static final class Builder extends ImmutableUnscheduledAction.Builder {
        /** Creates an empty builder; prefer {@link UnscheduledAction#builder()}. */
        public Builder() {}
    }
}
