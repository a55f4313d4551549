package dev.faultline.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a run ended: the final FIS state and its reason, the error code, each action's state
 * and times, who asked for a stop and why, the hypothesis verdict, and every event.
 */
@Value.Immutable
public abstract class RunOutcome {

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The experiment id.
     *
     * @return the id
     */
    public abstract String experimentId();

    /**
     * The template the experiment was started from.
     *
     * @return the template id, when known
     */
    public abstract Optional<String> templateId();

    /**
     * The final state.
     *
     * @return a terminal state
     */
    public abstract RunState state();

    /**
     * The service's reason for the final state.
     *
     * @return the reason, if any
     */
    public abstract Optional<String> reason();

    /**
     * The service's error code for a failed run, for example {@code TargetResolutionFailed}.
     *
     * @return the code, if the run failed with one
     */
    public abstract Optional<String> errorCode();

    /**
     * Where the error was, for example the action or target name.
     *
     * @return the location, if any
     */
    public abstract Optional<String> errorLocation();

    /**
     * When the experiment started.
     *
     * @return the start time, when known
     */
    public abstract Optional<Instant> startTime();

    /**
     * When the experiment ended.
     *
     * @return the end time, when known
     */
    public abstract Optional<Instant> endTime();

    /**
     * Each action's final state, in template order.
     *
     * @return the actions
     */
    public abstract List<ActionOutcome> actions();

    /**
     * Who asked for the run to stop, if anyone did.
     *
     * @return the source of the stop request
     */
    public abstract Optional<StopSource> stopSource();

    /**
     * The reason given with the stop request.
     *
     * @return the reason, if a stop was requested
     */
    public abstract Optional<String> stopReason();

    /**
     * The verdict on the hypothesis.
     *
     * @return the verdict, if the experiment had a hypothesis
     */
    public abstract Optional<HypothesisVerdict> verdict();

    /**
     * Every event of the run, oldest first (the final {@link RunEvent.RunCompleted} excluded).
     *
     * @return the events
     */
    @Value.Auxiliary
    public abstract List<RunEvent> events();

    /**
     * Tells whether the run did what was asked: it completed, and the hypothesis (if any) was
     * not refuted.
     *
     * @return true for a completed run whose hypothesis held or was inconclusive
     */
    public boolean succeeded() {
        return state() == RunState.COMPLETED
                && verdict().map(v -> v.verdict() != Verdict.REFUTED).orElse(true);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("RunOutcome[").append(experimentId()).append(' ').append(state());
        reason().ifPresent(r -> s.append(" (").append(r).append(')'));
        errorCode().ifPresent(c -> s.append(" error=").append(c));
        stopSource().ifPresent(src -> s.append(" stoppedBy=").append(src));
        verdict().ifPresent(v -> s.append(" verdict=").append(v.verdict()));
        return s.append(']').toString();
    }

    /** Builds {@link RunOutcome} values. */
    public static final class Builder extends ImmutableRunOutcome.Builder {
        /** Creates an empty builder; prefer {@link RunOutcome#builder()}. */
        public Builder() {}
    }
}
