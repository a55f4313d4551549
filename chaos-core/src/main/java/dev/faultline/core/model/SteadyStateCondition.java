package dev.faultline.core.model;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One condition of a steady-state hypothesis: a CloudWatch metric statistic over a period,
 * compared with a threshold, for example "the sum of HTTPCode_Target_5XX_Count per minute is
 * below 5".
 */
@Value.Immutable
public abstract class SteadyStateCondition {

    /**
     * Creates a builder for a condition.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A short name for reports.
     *
     * @return the name, if set
     */
    public abstract Optional<String> name();

    /**
     * The CloudWatch namespace, for example {@code AWS/ApplicationELB}.
     *
     * @return the namespace
     */
    public abstract Optional<String> namespace();

    /**
     * The metric name, for example {@code HTTPCode_Target_5XX_Count}.
     *
     * @return the metric name
     */
    public abstract Optional<String> metricName();

    /**
     * The metric's dimensions.
     *
     * @return the dimensions
     */
    public abstract Map<String, String> dimensions();

    /**
     * The statistic: {@code Sum}, {@code Average}, {@code Minimum}, {@code Maximum},
     * {@code SampleCount} or a percentile such as {@code p99}.
     *
     * @return the statistic
     */
    public abstract Optional<String> statistic();

    /**
     * The period the statistic is computed over (a multiple of 60 seconds, or 1, 5, 10, 30 s).
     *
     * @return the period
     */
    @Value.Default
    public Duration period() {
        return Duration.ofMinutes(1);
    }

    /**
     * How the statistic must compare with the threshold for the steady state to hold.
     *
     * @return the comparison
     */
    public abstract Optional<Comparison> comparison();

    /**
     * The threshold.
     *
     * @return the threshold
     */
    public abstract Optional<Double> threshold();

    /**
     * When the condition is checked (all three phases unless set).
     *
     * @return the phases
     */
    @Value.Default
    public Set<CheckPhase> phases() {
        return EnumSet.allOf(CheckPhase.class);
    }

    /**
     * Tells whether a value satisfies the condition.
     *
     * @param value the statistic's value
     * @return true if the steady state holds for this value; false when the comparison or
     *     threshold is missing
     */
    public boolean holdsFor(double value) {
        return comparison().isPresent() && threshold().isPresent()
                && comparison().get().test(value, threshold().get());
    }

    /** Builds {@link SteadyStateCondition} values. */
    public static final class Builder extends ImmutableSteadyStateCondition.Builder {
        /** Creates an empty builder; prefer {@link SteadyStateCondition#builder()}. */
        public Builder() {}
    }
}
