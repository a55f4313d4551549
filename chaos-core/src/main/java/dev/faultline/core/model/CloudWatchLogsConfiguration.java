package dev.faultline.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** A CloudWatch Logs destination for the experiment log. */
@Value.Immutable
public abstract class CloudWatchLogsConfiguration {

    /**
     * A destination for a log group.
     *
     * @param logGroupArn the log group ARN
     * @return the configuration
     */
    public static CloudWatchLogsConfiguration of(String logGroupArn) {
        return new Builder().logGroupArn(logGroupArn).build();
    }

    /**
     * Creates a builder for a CloudWatch Logs destination.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The ARN of the log group.
     *
     * @return the log group ARN
     */
    public abstract Optional<String> logGroupArn();

    /** Builds {@link CloudWatchLogsConfiguration} values. */
    public static final class Builder extends ImmutableCloudWatchLogsConfiguration.Builder {
        /** Creates an empty builder; prefer {@link CloudWatchLogsConfiguration#builder()}. */
        public Builder() {}
    }
}
