package dev.faultline.testkit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one emulated CloudWatch metric alarm.
 *
 * @param name the alarm name
 * @param arn the alarm ARN, {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}
 * @param state the current state
 * @param stateReason why it is in that state
 * @param stateUpdated when the state last changed (simulated time)
 * @param namespace the metric namespace, or null for an alarm without a metric
 * @param metricName the metric name, or null
 * @param dimensions the metric dimensions
 * @param statistic {@code Sum}, {@code Average}, {@code Maximum}, {@code Minimum} or {@code SampleCount}
 * @param periodSeconds the period in seconds
 * @param evaluationPeriods how many periods are evaluated
 * @param datapointsToAlarm how many breaching periods make {@code ALARM}
 * @param threshold the threshold
 * @param comparisonOperator for example {@code GreaterThanThreshold}
 */
public record Alarm(String name, String arn, AlarmState state, String stateReason, Instant stateUpdated,
        String namespace, String metricName, Map<String, String> dimensions, String statistic, int periodSeconds,
        int evaluationPeriods, int datapointsToAlarm, double threshold, String comparisonOperator) {

    /**
     * Checks the required components and copies the dimensions.
     *
     * @param name the alarm name
     * @param arn the ARN
     * @param state the state
     * @param stateReason the reason
     * @param stateUpdated the time of the last change
     * @param namespace the namespace
     * @param metricName the metric name
     * @param dimensions the dimensions
     * @param statistic the statistic
     * @param periodSeconds the period
     * @param evaluationPeriods the evaluation periods
     * @param datapointsToAlarm the data points to alarm
     * @param threshold the threshold
     * @param comparisonOperator the comparison
     */
    public Alarm {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateReason, "stateReason");
        Objects.requireNonNull(stateUpdated, "stateUpdated");
        dimensions = Map.copyOf(dimensions);
    }

    /**
     * Whether the alarm watches a metric (and so is evaluated from fed data).
     *
     * @return true if namespace and metric name are set
     */
    public boolean hasMetric() {
        return namespace != null && metricName != null;
    }

    /**
     * The metric this alarm watches.
     *
     * @return the metric, if any
     */
    public Optional<MetricId> metric() {
        return hasMetric() ? Optional.of(new MetricId(namespace, metricName, dimensions)) : Optional.empty();
    }

    /**
     * This alarm in another state.
     *
     * @param newState the state
     * @param reason why
     * @param at when
     * @return a new snapshot
     */
    public Alarm withState(AlarmState newState, String reason, Instant at) {
        return new Alarm(name, arn, newState, reason, at, namespace, metricName, dimensions, statistic,
                periodSeconds, evaluationPeriods, datapointsToAlarm, threshold, comparisonOperator);
    }

    /**
     * Whether a value breaches the threshold under the comparison operator.
     *
     * @param value the aggregated value of one period
     * @return true if it breaches
     */
    public boolean breaches(double value) {
        switch (comparisonOperator == null ? "GreaterThanThreshold" : comparisonOperator) {
            case "GreaterThanOrEqualToThreshold":
                return value >= threshold;
            case "LessThanThreshold":
                return value < threshold;
            case "LessThanOrEqualToThreshold":
                return value <= threshold;
            default:
                return value > threshold;
        }
    }
}
