package dev.faultline.core.model;

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
