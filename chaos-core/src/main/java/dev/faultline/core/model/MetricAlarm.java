package dev.faultline.core.model;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A CloudWatch metric alarm that Faultline defines for a stop condition, instead of pointing at
 * an alarm that already exists: the metric (namespace, name, dimensions), the statistic
 * ({@code Sum}, {@code Average}, {@code Maximum}, {@code Minimum}, {@code SampleCount}, or a
 * percentile such as {@code p99}), the period, how many periods are evaluated and how many of them
 * must breach, the comparison and threshold, and how missing data is treated. It becomes an
 * {@code AWS::CloudWatch::Alarm} in a CloudFormation stack, or a {@code PutMetricAlarm} call
 * before a run.
 *
 * <pre>{@code
 * MetricAlarm errors = MetricAlarm.builder().name("checkout-5xx")
 *         .namespace("AWS/ApplicationELB").metricName("HTTPCode_Target_5XX_Count")
 *         .putDimension("LoadBalancer", "app/checkout/50dc6c495c0c9188").statistic("Sum")
 *         .comparison(Comparison.GreaterThanThreshold).threshold(5).build();
 * }</pre>
 */
@Value.Immutable
public abstract class MetricAlarm {

    /** The values CloudWatch accepts for {@code TreatMissingData}. */
    public static final Set<String> TREAT_MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The alarm's name, unique in the account and Region.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The metric's namespace, such as {@code AWS/ApplicationELB}.
     *
     * @return the namespace
     */
    public abstract String namespace();

    /**
     * The metric's name, such as {@code HTTPCode_Target_5XX_Count}.
     *
     * @return the metric name
     */
    public abstract String metricName();

    /**
     * The metric's dimensions, in order.
     *
     * @return the dimensions by name
     */
    public abstract Map<String, String> dimensions();

    /**
     * The statistic: {@code Sum}, {@code Average}, {@code Maximum}, {@code Minimum},
     * {@code SampleCount}, or a percentile such as {@code p99} (an extended statistic).
     *
     * @return the statistic
     */
    @Value.Default
    public String statistic() {
        return "Average";
    }

    /**
     * The period of one data point; 10, 20, 30 seconds or a multiple of 60.
     *
     * @return the period
     */
    @Value.Default
    public Duration period() {
        return Duration.ofMinutes(1);
    }

    /**
     * How many of the latest periods are evaluated.
     *
     * @return at least 1
     */
    @Value.Default
    public int evaluationPeriods() {
        return 1;
    }

    /**
     * How many of the evaluated periods must breach (M of N); all of them when absent.
     *
     * @return the data points to alarm
     */
    public abstract Optional<Integer> datapointsToAlarm();

    /**
     * How the metric is compared with the threshold.
     *
     * @return the comparison
     */
    public abstract Comparison comparison();

    /**
     * The threshold.
     *
     * @return the threshold
     */
    public abstract double threshold();

    /**
     * How missing data counts: {@code breaching}, {@code notBreaching}, {@code ignore} or {@code missing}.
     *
     * @return the treatment
     */
    @Value.Default
    public String treatMissingData() {
        return "missing";
    }

    /**
     * Tells whether the statistic is a percentile ({@code p99}), which CloudWatch calls an
     * extended statistic.
     *
     * @return true for a percentile
     */
    public boolean isPercentile() {
        return statistic().matches("p\\d{1,2}(\\.\\d{1,2})?");
    }

    /** Checks the values CloudWatch could not accept at all. */
    @Value.Check
    protected void check() {
        if (name().isBlank()) {
            throw new IllegalArgumentException("A metric alarm needs a name");
        }
        if (evaluationPeriods() < 1) {
            throw new IllegalArgumentException("evaluationPeriods must be at least 1, was " + evaluationPeriods());
        }
        if (datapointsToAlarm().isPresent()
                && (datapointsToAlarm().get() < 1 || datapointsToAlarm().get() > evaluationPeriods())) {
            throw new IllegalArgumentException("datapointsToAlarm must be between 1 and evaluationPeriods ("
                    + evaluationPeriods() + "), was " + datapointsToAlarm().get());
        }
        if (!TREAT_MISSING_DATA.contains(treatMissingData())) {
            throw new IllegalArgumentException("treatMissingData must be one of " + TREAT_MISSING_DATA + ", was '"
                    + treatMissingData() + "'");
        }
        long seconds = period().getSeconds();
        if (period().getNano() != 0 || !(seconds == 10 || seconds == 20 || seconds == 30
                || (seconds >= 60 && seconds % 60 == 0))) {
            throw new IllegalArgumentException("period must be 10, 20 or 30 seconds or a multiple of a minute, was "
                    + period());
        }
    }

    /** Builds {@link MetricAlarm} values. */
    public static final class Builder extends ImmutableMetricAlarm.Builder {
        /** Creates an empty builder; prefer {@link MetricAlarm#builder()}. */
        public Builder() {}
    }
}
