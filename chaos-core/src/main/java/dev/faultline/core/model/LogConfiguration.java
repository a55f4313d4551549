package dev.faultline.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Where FIS writes the experiment log: CloudWatch Logs, S3 or both, and the log schema version. */
@Value.Immutable
public abstract class LogConfiguration {

    /** The current experiment log schema version. */
    public static final int CURRENT_SCHEMA_VERSION = 2;

    /**
     * Creates a builder for a log configuration.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The log schema version (FIS requires it when logging is configured; currently 2).
     *
     * @return the schema version
     */
    public abstract Optional<Integer> logSchemaVersion();

    /**
     * The CloudWatch Logs destination of the log.
     *
     * @return the CloudWatch Logs configuration, if CloudWatch Logs delivery is configured
     */
    public abstract Optional<CloudWatchLogsConfiguration> cloudWatchLogsConfiguration();

    /**
     * The S3 destination of the log.
     *
     * @return the S3 configuration, if S3 delivery is configured
     */
    public abstract Optional<S3Configuration> s3Configuration();

    /** Builds {@link LogConfiguration} values. */
    public static final class Builder extends ImmutableLogConfiguration.Builder {
        /** Creates an empty builder; prefer {@link LogConfiguration#builder()}. */
        public Builder() {}
    }
}
