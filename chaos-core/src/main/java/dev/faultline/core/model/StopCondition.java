package dev.faultline.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A stop condition: FIS stops the experiment when the CloudWatch alarm it names goes to
 * {@code ALARM}. The source {@code none} means no stop condition.
 */
@Value.Immutable
public abstract class StopCondition {

    /** The source of a stop condition on a CloudWatch alarm. */
    public static final String SOURCE_ALARM = "aws:cloudwatch:alarm";

    /** The source that means "no stop condition". */
    public static final String SOURCE_NONE = "none";

    /**

     * The stop condition that stops nothing ({@code {"source":"none"}}).

     *

     * @return the stop condition

     */
    public static StopCondition none() {
        return builder().source(SOURCE_NONE).build();
    }

    /**
     * A stop condition on a CloudWatch alarm.
     *
     * @param alarmArn the alarm's ARN, {@code arn:aws:cloudwatch:<region>:<account>:alarm:<name>}
     * @return the stop condition
     */
    public static StopCondition alarm(String alarmArn) {
        return builder().source(SOURCE_ALARM).value(Objects.requireNonNull(alarmArn, "alarmArn")).build();
    }

    /**
     * The alarm ARN of an alarm Faultline defines, before it exists: the account and Region are
     * left as the pseudo-parameters CloudFormation and FisEngine fill in.
     *
     * @param name the alarm name
     * @return {@code arn:aws:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:NAME}
     */
    public static String definedAlarmArn(String name) {
        return "arn:aws:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:" + Objects.requireNonNull(name, "name");
    }

    /**
     * A stop condition on a metric: Faultline defines the alarm (a CloudFormation
     * {@code AWS::CloudWatch::Alarm}, or {@code PutMetricAlarm} before a run) and FIS watches it.
     *
     * @param alarm the alarm's definition
     * @return the stop condition
     */
    public static StopCondition metric(MetricAlarm alarm) {
        return builder().source(SOURCE_ALARM).value(definedAlarmArn(alarm.name())).addMetricAlarm(alarm).build();
    }

    /**
     * A stop condition on a composite alarm that goes to {@code ALARM} when any of its metric
     * alarms does; one FIS stop condition for any number of metrics.
     *
     * @param name the composite alarm's name
     * @param alarms the metric alarms, at least one
     * @return the stop condition
     */
    public static StopCondition anyOf(String name, MetricAlarm... alarms) {
        if (alarms.length == 0) {
            throw new IllegalArgumentException("A composite alarm needs at least one metric alarm");
        }
        return builder().source(SOURCE_ALARM).value(definedAlarmArn(name)).compositeAlarmName(name)
                .addMetricAlarms(alarms).build();
    }

    /**

     * Creates a builder for a stop condition.

     *

     * @return a new, empty builder

     */
    public static Builder builder() {
        return new Builder();
    }

    /**

     * The source: {@code aws:cloudwatch:alarm} or {@code none}.

     *

     * @return the source

     */
    public abstract Optional<String> source();

    /**

     * The alarm ARN, for an alarm source.

     *

     * @return the value

     */
    public abstract Optional<String> value();

    /**
     * The metric alarms Faultline defines for this stop condition (Faultline's own field, not
     * sent to FIS): one for a metric stop condition, several under a composite alarm.
     *
     * @return the alarms, empty for a stop condition on an existing alarm
     */
    public abstract List<MetricAlarm> metricAlarms();

    /**
     * The name of the composite alarm over {@link #metricAlarms()}, when this stop condition
     * watches one (Faultline's own field).
     *
     * @return the composite alarm's name
     */
    public abstract Optional<String> compositeAlarmName();

    /**
     * Tells whether Faultline defines this stop condition's alarm (and so must create it before FIS can use it).
     *
     * @return true when there are metric alarms
     */
    public boolean isDefinedByMetrics() {
        return !metricAlarms().isEmpty();
    }

    /**

     * Tells whether this stop condition watches an alarm.

     *

     * @return true for an alarm source

     */
    public boolean isAlarm() {
        return source().filter(SOURCE_ALARM::equals).isPresent();
    }

    /** Builds {@link StopCondition} values. */
    public static final class Builder extends ImmutableStopCondition.Builder {
        /** Creates an empty builder; prefer {@link StopCondition#builder()}. */
        public Builder() {}
    }
}
