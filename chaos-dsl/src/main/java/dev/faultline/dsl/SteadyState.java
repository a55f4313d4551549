package dev.faultline.dsl;

import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.dsl.internal.Checks;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * One condition of an experiment's steady-state hypothesis: a CloudWatch metric statistic over
 * a period compared with a threshold. Immutable; made by {@link Chaos#steadyState(String)}.
 *
 * <pre>{@code
 * steadyState("payment 5xx stays under 5 a minute")
 *     .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
 *     .dimension("TargetGroup", "targetgroup/prod-payment-tg/a1b2c3d4e5f6")
 *     .sum().per(Duration.ofMinutes(1)).below(5)
 * }</pre>
 */
public final class SteadyState {

    private static final List<Duration> HIGH_RESOLUTION = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30));

    private final SteadyStateCondition condition;

    private SteadyState(SteadyStateCondition condition) {
        this.condition = condition;
    }

    static SteadyState named(String name) {
        return new SteadyState(SteadyStateCondition.builder().name(Checks.text("name", name)).build());
    }

    private SteadyState change(java.util.function.UnaryOperator<SteadyStateCondition.Builder> change) {
        SteadyStateCondition.Builder builder = SteadyStateCondition.builder();
        builder.from(condition);
        return new SteadyState(change.apply(builder).build());
    }

    /**
     * The metric the condition watches.
     *
     * @param namespace the CloudWatch namespace, for example {@code AWS/ApplicationELB}
     * @param metricName the metric name
     * @return a new condition
     */
    public SteadyState metric(String namespace, String metricName) {
        Checks.text("namespace", namespace);
        Checks.text("metricName", metricName);
        return change(b -> b.namespace(namespace).metricName(metricName));
    }

    /**
     * Adds a dimension of the metric.
     *
     * @param name the dimension name
     * @param value the dimension value
     * @return a new condition
     */
    public SteadyState dimension(String name, String value) {
        Checks.text("dimension name", name);
        Checks.text("dimension value", value);
        return change(b -> b.putDimension(name, value));
    }

    /**
     * Uses the {@code Sum} statistic.
     *
     * @return a new condition
     */
    public SteadyState sum() {
        return statistic("Sum");
    }

    /**
     * Uses the {@code Average} statistic.
     *
     * @return a new condition
     */
    public SteadyState average() {
        return statistic("Average");
    }

    /**
     * Uses the {@code Maximum} statistic.
     *
     * @return a new condition
     */
    public SteadyState maximum() {
        return statistic("Maximum");
    }

    /**
     * Uses the {@code Minimum} statistic.
     *
     * @return a new condition
     */
    public SteadyState minimum() {
        return statistic("Minimum");
    }

    /**
     * Uses the {@code SampleCount} statistic.
     *
     * @return a new condition
     */
    public SteadyState sampleCount() {
        return statistic("SampleCount");
    }

    /**
     * Uses a percentile statistic, such as {@code p99}.
     *
     * @param percentile the percentile, more than 0 and less than 100
     * @return a new condition
     * @throws IllegalArgumentException if the percentile is not within (0, 100)
     */
    public SteadyState percentile(double percentile) {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("percentile must be within 0..100 (exclusive), was " + percentile);
        }
        String text = java.math.BigDecimal.valueOf(percentile).stripTrailingZeros().toPlainString();
        return statistic("p" + text);
    }

    private SteadyState statistic(String statistic) {
        return change(b -> b.statistic(statistic));
    }

    /**
     * The period the statistic is computed over.
     *
     * @param period 1, 5, 10 or 30 seconds, or a multiple of 60 seconds
     * @return a new condition
     * @throws IllegalArgumentException for another period
     */
    public SteadyState per(Duration period) {
        Objects.requireNonNull(period, "period");
        boolean minutes = !period.isNegative() && !period.isZero() && period.getNano() == 0
                && period.getSeconds() % 60 == 0;
        if (!minutes && !HIGH_RESOLUTION.contains(period)) {
            throw new IllegalArgumentException("period of a steady-state condition must be PT1S, PT5S, PT10S, PT30S"
                    + " or a multiple of PT1M, was " + period);
        }
        return change(b -> b.period(period));
    }

    /**
     * Holds while the statistic is below a threshold.
     *
     * @param threshold the threshold
     * @return a new condition
     */
    public SteadyState below(double threshold) {
        return compare(Comparison.LessThanThreshold, threshold);
    }

    /**
     * Holds while the statistic is at most a threshold.
     *
     * @param threshold the threshold
     * @return a new condition
     */
    public SteadyState atMost(double threshold) {
        return compare(Comparison.LessThanOrEqualToThreshold, threshold);
    }

    /**
     * Holds while the statistic is above a threshold.
     *
     * @param threshold the threshold
     * @return a new condition
     */
    public SteadyState above(double threshold) {
        return compare(Comparison.GreaterThanThreshold, threshold);
    }

    /**
     * Holds while the statistic is at least a threshold.
     *
     * @param threshold the threshold
     * @return a new condition
     */
    public SteadyState atLeast(double threshold) {
        return compare(Comparison.GreaterThanOrEqualToThreshold, threshold);
    }

    private SteadyState compare(Comparison comparison, double threshold) {
        if (Double.isNaN(threshold) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number, was " + threshold);
        }
        return change(b -> b.comparison(comparison).threshold(threshold));
    }

    /**
     * Checks the condition only in some phases (all three unless set).
     *
     * @param first a phase
     * @param more more phases
     * @return a new condition
     */
    public SteadyState checked(CheckPhase first, CheckPhase... more) {
        EnumSet<CheckPhase> phases = EnumSet.of(first, more);
        return change(b -> b.phases(phases));
    }

    /**
     * The core model of this condition.
     *
     * @return the condition
     */
    public SteadyStateCondition toModel() {
        return condition;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SteadyState && ((SteadyState) o).condition.equals(condition);
    }

    @Override
    public int hashCode() {
        return condition.hashCode();
    }

    @Override
    public String toString() {
        SteadyStateCondition c = condition;
        return c.name().orElse("") + ": " + c.statistic().orElse("?") + " of " + c.namespace().orElse("?") + " "
                + c.metricName().orElse("?") + (c.dimensions().isEmpty() ? "" : " " + c.dimensions()) + " per "
                + c.period() + " " + c.comparison().map(Comparison::symbol).orElse("?") + " "
                + c.threshold().map(String::valueOf).orElse("?");
    }
}
