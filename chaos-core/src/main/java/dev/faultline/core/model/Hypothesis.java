package dev.faultline.core.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The steady-state hypothesis of an experiment: metric conditions that must hold before the
 * experiment (or it is not started), during it (or it is stopped) and after a recovery window.
 * Faultline's own field; compiling for FIS drops it.
 */
@Value.Immutable
public abstract class Hypothesis {

    /**
     * Creates a builder for a hypothesis.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the hypothesis claims, in words.
     *
     * @return the description, if set
     */
    public abstract Optional<String> description();

    /**
     * The conditions, all of which must hold.
     *
     * @return the conditions
     */
    public abstract List<SteadyStateCondition> conditions();

    /**
     * How long after the experiment the {@link CheckPhase#AFTER} conditions are checked.
     *
     * @return the recovery window, if set
     */
    public abstract Optional<Duration> recoveryWindow();

    /** Builds {@link Hypothesis} values. */
    public static final class Builder extends ImmutableHypothesis.Builder {
        /** Creates an empty builder; prefer {@link Hypothesis#builder()}. */
        public Builder() {}
    }
}
