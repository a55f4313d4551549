package dev.faultline.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The experiment report FIS writes: its S3 destination, the CloudWatch dashboards it includes,
 * and how long before and after the experiment its data covers (ISO-8601 durations, FIS's
 * default PT20M each).
 */
@Value.Immutable
public abstract class ReportConfiguration {

    /**
     * Creates a builder for a report configuration.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The S3 destination of the report ({@code outputs.s3Configuration}).
     *
     * @return the destination, if set
     */
    public abstract Optional<S3Configuration> s3Configuration();

    /**
     * The ARNs of the CloudWatch dashboards included in the report
     * ({@code dataSources.cloudWatchDashboards[].dashboardIdentifier}).
     *
     * @return the dashboard identifiers
     */
    public abstract List<String> cloudWatchDashboards();

    /**
     * How long before the experiment the report's data starts, as ISO-8601 text.
     *
     * @return the duration, if set
     */
    public abstract Optional<String> preExperimentDuration();

    /**
     * How long after the experiment the report's data ends, as ISO-8601 text.
     *
     * @return the duration, if set
     */
    public abstract Optional<String> postExperimentDuration();

    /** Builds {@link ReportConfiguration} values. */
    public static final class Builder extends ImmutableReportConfiguration.Builder {
        /** Creates an empty builder; prefer {@link ReportConfiguration#builder()}. */
        public Builder() {}
    }
}
