package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The settings sections of the API rules: log configuration, experiment report configuration and target account configurations. */
final class SettingsApiRules {

    private SettingsApiRules() {}

    static void log(LogConfiguration log, List<Violation> out) {
        String at = "/logConfiguration";
        if (log.logSchemaVersion().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, append(at, "logSchemaVersion"), "The log schema version is required.",
                    "Set \"logSchemaVersion\": 2, the current version."));
        } else if (log.logSchemaVersion().get() < 1) {
            out.add(Violation.error(ViolationCode.LOG_SCHEMA_VERSION_RANGE, append(at, "logSchemaVersion"),
                    "The log schema version must be 1 or more.", "Use 2, the current version."));
        } else if (log.logSchemaVersion().get() != LogConfiguration.CURRENT_SCHEMA_VERSION) {
            out.add(Violation.warning(ViolationCode.LOG_SCHEMA_VERSION_OUTDATED, append(at, "logSchemaVersion"),
                    "Log schema version " + log.logSchemaVersion().get() + " is not the current one.",
                    "Use 2, the current version."));
        }
        if (log.cloudWatchLogsConfiguration().isEmpty() && log.s3Configuration().isEmpty()) {
            out.add(Violation.error(ViolationCode.LOG_DESTINATION_MISSING, at, "The log configuration has no destination.",
                    "Add cloudWatchLogsConfiguration or s3Configuration, or remove logConfiguration."));
        }
        log.cloudWatchLogsConfiguration().ifPresent(cw -> {
            String group = required(cw.logGroupArn(), append(append(at, "cloudWatchLogsConfiguration"), "logGroupArn"),
                    "The log group ARN", "Set \"logGroupArn\".", out);
            length(group, 20, 2048, append(append(at, "cloudWatchLogsConfiguration"), "logGroupArn"), "The log group ARN", out);
        });
        log.s3Configuration().ifPresent(s3 -> s3(s3, append(at, "s3Configuration"), 700, out));
    }

    private static void s3(S3Configuration s3, String at, int maxPrefix, List<Violation> out) {
        String bucket = required(s3.bucketName(), append(at, "bucketName"), "The bucket name",
                "Set \"bucketName\".", out);
        length(bucket, 3, 63, append(at, "bucketName"), "The bucket name", out);
        length(s3.prefix().orElse(null), 1, maxPrefix, append(at, "prefix"), "The prefix", out);
    }

    static void report(ReportConfiguration r, List<Violation> out) {
        String at = "/experimentReportConfiguration";
        r.s3Configuration().ifPresent(s3 -> s3(s3, append(append(at, "outputs"), "s3Configuration"), 256, out));
        if (r.s3Configuration().isEmpty()) {
            out.add(Violation.warning(ViolationCode.REPORT_OUTPUT_MISSING, at, "The report configuration has no S3 output.",
                    "Add outputs.s3Configuration with a bucket, or remove the report configuration."));
        }
        for (int i = 0; i < r.cloudWatchDashboards().size(); i++) {
            length(r.cloudWatchDashboards().get(i), 1, 512,
                    append(append(append(append(at, "dataSources"), "cloudWatchDashboards"), i), "dashboardIdentifier"),
                    "The dashboard identifier", out);
        }
        reportDuration(r.preExperimentDuration().orElse(null), append(at, "preExperimentDuration"), out);
        reportDuration(r.postExperimentDuration().orElse(null), append(at, "postExperimentDuration"), out);
    }

    private static void reportDuration(String value, String at, List<Violation> out) {
        if (value == null) {
            return;
        }
        length(value, 1, 32, at, "The duration", out);
        try {
            Duration d = FisDuration.parse(value);
            if (d.isNegative() || d.isZero()) {
                out.add(Violation.error(ViolationCode.REPORT_DURATION_RANGE, at, "The duration must be positive.", "Use, say, PT20M."));
            }
        } catch (DateTimeException ex) {
            out.add(Violation.error(ViolationCode.REPORT_DURATION_FORMAT, at, "'" + value + "' is not an ISO-8601 duration.",
                    "Write a duration such as PT20M."));
        }
    }

    static void accounts(Experiment e, List<Violation> out) {
        List<TargetAccountConfiguration> accounts = e.targetAccountConfigurations();
        boolean multi = isMultiAccount(e);
        if (!accounts.isEmpty() && !multi) {
            out.add(Violation.error(ViolationCode.ACCOUNT_CONFIGURATIONS_CONFLICT, "/targetAccountConfigurations",
                    "Target account configurations need accountTargeting \"multi-account\".",
                    "Set experimentOptions.accountTargeting to \"multi-account\"."));
        }
        if (multi && accounts.isEmpty()) {
            out.add(Violation.warning(ViolationCode.ACCOUNT_CONFIGURATIONS_MISSING, "/experimentOptions/accountTargeting",
                    "A multi-account experiment without target account configurations targets no other account.",
                    "Add targetAccountConfigurations, or use single-account."));
        }
        if (!accounts.isEmpty()) {
            configurations(accounts, out);
        }
    }

    /** The target account configurations: how many, and each one's account ID, role and description. */
    private static void configurations(List<TargetAccountConfiguration> accounts, List<Violation> out) {
        if (accounts.size() > ApiRules.MAX_TARGET_ACCOUNTS) {
            out.add(Violation.error(ViolationCode.QUOTA_TARGET_ACCOUNTS_TOO_MANY, "/targetAccountConfigurations",
                    accounts.size() + " target accounts; FIS allows at most " + ApiRules.MAX_TARGET_ACCOUNTS + " (quota L-47D4AE5B).",
                    "Split the experiment."));
        }
        Set<String> seen = accounts.size() > 1 ? new HashSet<>() : null; // one account cannot repeat
        for (int i = 0; i < accounts.size(); i++) {
            TargetAccountConfiguration a = accounts.get(i);
            String at = append("/targetAccountConfigurations", i);
            String id = required(a.accountId(), append(at, "accountId"), "The account ID", "Set the 12-digit account ID.", out);
            length(id, 12, 48, append(at, "accountId"), "The account ID", out);
            if (id != null && seen != null && !seen.add(id)) {
                out.add(Violation.error(ViolationCode.ACCOUNT_ID_DUPLICATE, append(at, "accountId"),
                        "Account " + id + " is configured twice.", "Keep one configuration per account."));
            }
            String role = required(a.roleArn(), append(at, "roleArn"), "The role ARN", "Set the role FIS assumes there.", out);
            length(role, 20, 2048, append(at, "roleArn"), "The role ARN", out);
            length(a.description().orElse(null), 0, 512, append(at, "description"), "The description", out);
        }
    }

    /** Tells whether the experiment options ask for multi-account targeting; no lambda, as it runs for every template. */
    private static boolean isMultiAccount(Experiment e) {
        if (e.experimentOptions().isEmpty()) {
            return false;
        }
        Optional<AccountTargeting> targeting = e.experimentOptions().get().accountTargeting();
        return targeting.isPresent() && AccountTargeting.MULTI_ACCOUNT.equals(targeting.get());
    }
}
