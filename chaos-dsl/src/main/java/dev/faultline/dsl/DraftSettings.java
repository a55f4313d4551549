package dev.faultline.dsl;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.dsl.internal.Checks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
/**
 * The settings steps of an {@link ExperimentDraft}: where the experiment log and the experiment
 * report go, the experiment options and the target accounts. Each returns a new draft.
 */
abstract class DraftSettings {

    /** The experiment as written so far. */
    private final Experiment current;

    DraftSettings(Experiment current) {
        this.current = current;
    }

    /**
     * A new draft with a change applied to a builder of the current experiment.
     *
     * @param change the change
     * @return a new draft
     */
    abstract ExperimentDraft change(UnaryOperator<Experiment.Builder> change);

    /**
     * Sends the experiment log to a CloudWatch Logs log group (log schema version 2).
     *
     * @param logGroupArn the log group ARN
     * @return a new draft
     */
    public ExperimentDraft logToCloudWatch(String logGroupArn) {
        Checks.text("logGroupArn", logGroupArn);
        return log(l -> l.cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.of(logGroupArn)));
    }

    /**
     * Sends the experiment log to an S3 bucket (log schema version 2).
     *
     * @param bucketName the bucket
     * @param prefix the key prefix
     * @return a new draft
     */
    public ExperimentDraft logToS3(String bucketName, String prefix) {
        S3Configuration s3 = s3(bucketName, prefix);
        return log(l -> l.s3Configuration(s3));
    }

    /**
     * Sets the whole log configuration.
     *
     * @param configuration the log configuration
     * @return a new draft
     */
    public ExperimentDraft log(LogConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        return change(b -> b.logConfiguration(configuration));
    }

    private ExperimentDraft log(UnaryOperator<LogConfiguration.Builder> change) {
        LogConfiguration.Builder builder = LogConfiguration.builder();
        current.logConfiguration().ifPresent(builder::from);
        if (current.logConfiguration().flatMap(LogConfiguration::logSchemaVersion).isEmpty()) {
            builder.logSchemaVersion(LogConfiguration.CURRENT_SCHEMA_VERSION);
        }
        return log(change.apply(builder).build());
    }

    /**
     * Writes the experiment report to an S3 bucket.
     *
     * @param bucketName the bucket
     * @param prefix the key prefix
     * @return a new draft
     */
    public ExperimentDraft reportToS3(String bucketName, String prefix) {
        S3Configuration s3 = s3(bucketName, prefix);
        return report(r -> r.s3Configuration(s3));
    }

    /**
     * Includes a CloudWatch dashboard in the experiment report.
     *
     * @param dashboardArn the dashboard ARN
     * @return a new draft
     */
    public ExperimentDraft reportDashboard(String dashboardArn) {
        Checks.text("dashboardArn", dashboardArn);
        return report(r -> r.addCloudWatchDashboards(dashboardArn));
    }

    /**
     * Sets how long before and after the experiment the report's data covers (FIS's default is
     * 20 minutes each).
     *
     * @param before the time before the experiment
     * @param after the time after the experiment
     * @return a new draft
     */
    public ExperimentDraft reportWindow(Duration before, Duration after) {
        String pre = Checks.duration("the experiment report", Optional.empty(), "preExperimentDuration", before);
        String post = Checks.duration("the experiment report", Optional.empty(), "postExperimentDuration", after);
        return report(r -> r.preExperimentDuration(pre).postExperimentDuration(post));
    }

    /**
     * Sets the whole report configuration.
     *
     * @param configuration the report configuration
     * @return a new draft
     */
    public ExperimentDraft report(ReportConfiguration configuration) {
        Objects.requireNonNull(configuration, "configuration");
        return change(b -> b.experimentReportConfiguration(configuration));
    }

    private ExperimentDraft report(UnaryOperator<ReportConfiguration.Builder> change) {
        ReportConfiguration.Builder builder = ReportConfiguration.builder();
        current.experimentReportConfiguration().ifPresent(builder::from);
        return report(change.apply(builder).build());
    }

    private static S3Configuration s3(String bucketName, String prefix) {
        Checks.text("bucketName", bucketName);
        Objects.requireNonNull(prefix, "prefix");
        return S3Configuration.builder().bucketName(bucketName).prefix(prefix).build();
    }

    /**
     * Targets resources of the account that runs the experiment ({@code single-account}).
     *
     * @return a new draft
     */
    public ExperimentDraft singleAccount() {
        return options(o -> o.accountTargeting(AccountTargeting.SINGLE_ACCOUNT));
    }

    /**
     * Targets resources of the target accounts ({@code multi-account}); add them with
     * {@link #targetAccount(String, String)}.
     *
     * @return a new draft
     */
    public ExperimentDraft multiAccount() {
        return options(o -> o.accountTargeting(AccountTargeting.MULTI_ACCOUNT));
    }

    /**
     * Skips actions whose targets resolve to nothing ({@code emptyTargetResolutionMode: skip}).
     *
     * @return a new draft
     */
    public ExperimentDraft skipEmptyTargets() {
        return options(o -> o.emptyTargetResolutionMode(EmptyTargetResolutionMode.SKIP));
    }

    /**
     * Fails the experiment when a target resolves to nothing ({@code emptyTargetResolutionMode:
     * fail}, FIS's default).
     *
     * @return a new draft
     */
    public ExperimentDraft failOnEmptyTargets() {
        return options(o -> o.emptyTargetResolutionMode(EmptyTargetResolutionMode.FAIL));
    }

    /**
     * Sets the whole experiment options.
     *
     * @param options the options
     * @return a new draft
     */
    public ExperimentDraft options(ExperimentOptions options) {
        Objects.requireNonNull(options, "options");
        return change(b -> b.experimentOptions(options));
    }

    private ExperimentDraft options(UnaryOperator<ExperimentOptions.Builder> change) {
        ExperimentOptions.Builder builder = ExperimentOptions.builder();
        current.experimentOptions().ifPresent(builder::from);
        return options(change.apply(builder).build());
    }

    /**
     * Adds an account a multi-account experiment targets.
     *
     * @param accountId the 12-digit account ID
     * @param roleArn the role FIS assumes in that account
     * @return a new draft
     * @throws IllegalArgumentException if the account ID is not 12 digits
     */
    public ExperimentDraft targetAccount(String accountId, String roleArn) {
        return targetAccount(accountId, roleArn, null);
    }

    /**
     * Adds an account a multi-account experiment targets, with a description.
     *
     * @param accountId the 12-digit account ID
     * @param roleArn the role FIS assumes in that account
     * @param description the description, or null for none
     * @return a new draft
     * @throws IllegalArgumentException if the account ID is not 12 digits
     */
    public ExperimentDraft targetAccount(String accountId, String roleArn, String description) {
        Objects.requireNonNull(accountId, "accountId");
        if (!accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits, was '" + accountId + "'");
        }
        Checks.text("roleArn", roleArn);
        TargetAccountConfiguration.Builder account = TargetAccountConfiguration.builder()
                .accountId(accountId).roleArn(roleArn);
        if (description != null) {
            account.description(description);
        }
        TargetAccountConfiguration built = account.build();
        return change(b -> b.addTargetAccountConfigurations(built));
    }
}
