package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.nonBlank;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;
import static dev.faultline.core.validation.LazyPointer.append;

import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The constraints of FIS's CreateExperimentTemplate API (reference §2, §7, §12): required
 * fields, lengths in code points, cardinalities, target identification, selection modes,
 * stop-condition sources and the quotas on actions and stop conditions.
 */
final class ApiRules implements ValidationRule {

    static final int MAX_ACTIONS = 20;
    static final int MAX_STOP_CONDITIONS = 5;
    static final int MAX_ARNS = 5;
    static final int MAX_TAGS = 50;
    static final int MAX_TARGET_ACCOUNTS = 10;
    private static final String LAMBDA_LATEST = "$LATEST";
    private static final LazyPointer STOP_CONDITIONS = LazyPointer.of("/stopConditions");
    private static final LazyPointer TARGETS = LazyPointer.of("/targets");
    private static final LazyPointer ACTIONS = LazyPointer.of("/actions");
    private static final List<String> SOURCES = List.of(StopCondition.SOURCE_NONE, StopCondition.SOURCE_ALARM);

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        String description = required(e.description(), "/description", "The template description",
                "Add a \"description\" of up to 512 characters.", out);
        length(description, 1, 512, "/description", "The description", out);
        String role = required(e.roleArn(), "/roleArn", "The IAM role ARN",
                "Add \"roleArn\": the role FIS assumes to run the experiment.", out);
        length(role, 20, 2048, "/roleArn", "The role ARN", out);
        tags(e.tags(), LazyPointer.of("/tags"), true, out);
        stopConditions(e, out);
        targets(e, out);
        actions(e, out);
        e.logConfiguration().ifPresent(log -> log(log, out));
        e.experimentReportConfiguration().ifPresent(report -> report(report, out));
        accounts(e, out);
        e.metadata().ifPresent(m -> {
            length(m.id().orElse(null), 1, 64, "/id", "The template id", out);
            length(m.clientToken().orElse(null), 1, 1024, "/clientToken", "The client token", out);
        });
    }

    private static void stopConditions(Experiment e, List<Violation> out) {
        List<StopCondition> conditions = e.stopConditions();
        if (conditions.isEmpty()) {
            if (e.keptEmpty().contains("stopConditions")) {
                out.add(Violation.warning("stop-condition.empty", "/stopConditions",
                        "The stop condition list is empty; FIS documents [{\"source\": \"none\"}] for no stop condition.",
                        "Add an alarm stop condition, or write [{\"source\": \"none\"}]."));
            } else {
                out.add(Violation.error("required", "/stopConditions", "The stop condition list is required.",
                        "Add \"stopConditions\": an alarm, or [{\"source\": \"none\"}]."));
            }
            return;
        }
        if (conditions.size() > MAX_STOP_CONDITIONS) {
            out.add(Violation.error("quota.stop-conditions", "/stopConditions",
                    "The template has " + conditions.size() + " stop conditions; FIS allows at most "
                            + MAX_STOP_CONDITIONS + " (quota L-872EC72B, not adjustable).",
                    "Combine alarms into a composite CloudWatch alarm."));
        }
        boolean none = false;
        boolean alarm = false;
        for (int i = 0; i < conditions.size(); i++) {
            StopCondition c = conditions.get(i);
            LazyPointer at = append(STOP_CONDITIONS, i);
            String source = required(c.source(), at, "source", "The stop condition source",
                    "Use \"aws:cloudwatch:alarm\" with the alarm ARN as value, or \"none\".", out);
            length(source, 1, 64, at, "source", "The source", out);
            if (source != null && !SOURCES.contains(source)) {
                List<String> near = Suggestions.nearest(source, SOURCES, 1);
                out.add(Violation.error("stop-condition.source", append(at, "source").toString(),
                        "'" + source + "' is not a stop condition source; FIS accepts only \"aws:cloudwatch:alarm\" and \"none\".",
                        near.isEmpty() ? "Use \"aws:cloudwatch:alarm\" with the alarm ARN as value."
                                : "Did you mean '" + near.get(0) + "'?"));
            }
            if (StopCondition.SOURCE_ALARM.equals(source)) {
                alarm = true;
                String value = required(c.value(), at, "value", "The alarm ARN of an alarm stop condition",
                        "Set \"value\" to arn:aws:cloudwatch:<region>:<account>:alarm:<name>.", out);
                length(value, 20, 2048, at, "value", "The alarm ARN", out);
            } else if (StopCondition.SOURCE_NONE.equals(source)) {
                none = true;
                if (c.value().isPresent()) {
                    out.add(Violation.warning("stop-condition.value-ignored", append(at, "value").toString(),
                            "A stop condition with source \"none\" takes no value; it is ignored.",
                            "Remove the value, or use source \"aws:cloudwatch:alarm\"."));
                }
            }
        }
        if (none && alarm) {
            out.add(Violation.warning("stop-condition.none-with-alarms", "/stopConditions",
                    "The list mixes \"none\" with alarm stop conditions.", "Remove the \"none\" entry."));
        }
    }

    private static void targets(Experiment e, List<Violation> out) {
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            LazyPointer at = append(TARGETS, entry.getKey());
            name(entry.getKey(), at, "The target name", out);
            target(entry.getValue(), at, out);
        }
    }

    private static void target(TemplateTarget t, LazyPointer at, List<Violation> out) {
        String type = required(t.resourceType(), at, "resourceType", "The target's resource type",
                "Set \"resourceType\", for example \"aws:ec2:instance\".", out);
        length(type, 1, 128, at, "resourceType", "The resource type", out);
        selection(t, at, out);
        if (t.resourceArns().size() > MAX_ARNS) {
            out.add(Violation.error("target.too-many-arns", append(at, "resourceArns").toString(),
                    "The target lists " + t.resourceArns().size() + " ARNs; FIS allows at most " + MAX_ARNS + ".",
                    "Split the resources over several targets, or choose them by tags."));
        }
        for (int i = 0; i < t.resourceArns().size(); i++) {
            if (!Checks.fits(t.resourceArns().get(i), 20, 2048)) {
                length(t.resourceArns().get(i), 20, 2048, append(append(at, "resourceArns"), i), "The ARN", out);
            }
        }
        boolean arns = !t.resourceArns().isEmpty();
        if (arns && !t.resourceTags().isEmpty()) {
            out.add(Violation.error("target.arns-and-tags", append(at, "resourceTags").toString(),
                    "You cannot specify both resource ARNs and resource tags for a target.",
                    "Keep either resourceArns or resourceTags."));
        }
        if (arns && !t.filters().isEmpty()) {
            out.add(Violation.error("target.arns-and-filters", append(at, "filters").toString(),
                    "You cannot specify both resource ARNs and filters for a target.",
                    "Filters narrow a tag-based selection; drop them or choose the resources by tags."));
        }
        if (!arns && t.resourceTags().isEmpty() && t.filters().isEmpty() && t.parameters().isEmpty()) {
            out.add(Violation.error("target.unidentified", at.toString(),
                    "The target names no resources: it has no ARNs, tags, filters or parameters.",
                    "Add resourceArns, or resourceTags (optionally with filters)."));
        }
        tags(t.resourceTags(), append(at, "resourceTags"), false, out);
        for (int i = 0; i < t.filters().size(); i++) {
            filter(t.filters().get(i), append(append(at, "filters"), i), out);
        }
        for (Map.Entry<String, String> p : t.parameters().entrySet()) {
            LazyPointer pat = append(append(at, "parameters"), p.getKey());
            length(p.getKey(), 1, 64, pat, "The parameter name", out);
            length(p.getValue(), 1, 1024, pat, "The parameter value", out);
            targetParameterValue(p.getValue(), pat, out);
        }
    }

    private static void selection(TemplateTarget t, LazyPointer at, List<Violation> out) {
        LazyPointer path = append(at, "selectionMode");
        if (t.selectionMode().isEmpty()) {
            out.add(Violation.error("required", path.toString(), "The target's selection mode is required.",
                    "Set \"selectionMode\" to ALL, COUNT(n) or PERCENT(n)."));
            return;
        }
        SelectionMode mode = t.selectionMode().get();
        switch (mode.kind()) {
            case UNRECOGNIZED:
                out.add(Violation.error("selection-mode.invalid", path.toString(),
                        "'" + mode.text() + "' is not a selection mode.", selectionHint(mode.text())));
                break;
            case COUNT:
                if (mode.value() < 1) {
                    out.add(Violation.error("selection-mode.range", path.toString(), "COUNT(0) selects no resource.",
                            "Use COUNT(1) or more."));
                }
                break;
            case PERCENT:
                if (mode.value() < 1 || mode.value() > 100) {
                    out.add(Violation.error("selection-mode.range", path.toString(),
                            mode.text() + " is outside 1..100.", "Use a percentage from 1 to 100."));
                }
                break;
            default:
                break;
        }
    }

    private static String selectionHint(String text) {
        String squeezed = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        SelectionMode fixed = SelectionMode.of(squeezed);
        if (fixed.isValid() && !squeezed.equals(text)) {
            return "Did you mean '" + squeezed + "'?";
        }
        return "Use ALL, COUNT(n) or PERCENT(n), in capitals, for example PERCENT(20).";
    }

    /** The target-parameter value pattern, anchored: {@code ^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$}. */
    private static void targetParameterValue(String value, LazyPointer path, List<Violation> out) {
        if (Placeholders.contains(value)) {
            return; // reported as a placeholder by ArnRules
        }
        if (LAMBDA_LATEST.equals(value)) {
            return; // the documented functionQualifier value, although the model's pattern has no '$'
        }
        boolean comma = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || Character.isDigit(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.LETTER_NUMBER || Character.getType(c) == Character.OTHER_NUMBER
                    || "_.:/=+-@".indexOf(c) >= 0) {
                continue;
            }
            if (c == ',') {
                comma = true;
                continue;
            }
            out.add(Violation.error("pattern", path.toString(), "The value holds '" + new String(Character.toChars(c))
                            + "', which FIS does not accept in a target parameter.",
                    "Use only letters, digits, spaces and _ . : / = + - @."));
            return;
        }
        if (comma) {
            out.add(Violation.warning("target.parameter-comma", path.toString(),
                    "The value holds a comma, which FIS's API pattern excludes although its docs use comma-separated lists here.",
                    "Check that FIS accepts it, or use a single value."));
        }
    }

    private static void filter(Filter f, LazyPointer at, List<Violation> out) {
        String path = required(f.path(), at, "path", "The filter path",
                "Set \"path\", for example \"State.Name\".", out);
        length(path, 1, 256, at, "path", "The filter path", out);
        if (path != null) {
            for (int start = 0, end; start <= path.length(); start = end + 1) { // the elements between dots
                end = path.indexOf('.', start);
                end = end < 0 ? path.length() : end;
                if (end == start || !Character.isUpperCase(path.charAt(start))) {
                    out.add(Violation.warning("filter.path-case", append(at, "path").toString(),
                            "Filter path '" + path + "' has the element '" + path.substring(start, end)
                                    + "'; FIS paths are dot-separated PascalCase names.",
                            "Write each element in PascalCase, for example Placement.AvailabilityZone."));
                    break;
                }
            }
            if (path.startsWith("Tags") || path.startsWith("Tag.")) {
                out.add(Violation.warning("filter.tags", append(at, "path").toString(),
                        "Filtering on tags with a filter is not supported.", "Use resourceTags for tags."));
            }
        }
        if (f.values().isEmpty()) {
            out.add(Violation.error("required", append(at, "values").toString(), "The filter's values are required.",
                    "Give at least one value; several values are ORed."));
        }
        for (int i = 0; i < f.values().size(); i++) {
            length(f.values().get(i), 0, 128, append(append(at, "values"), i), "The filter value", out);
        }
    }

    private static void actions(Experiment e, List<Violation> out) {
        if (e.actions().isEmpty()) {
            out.add(Violation.error("required", "/actions", "The template has no action.",
                    "Add at least one action; FIS needs one or more."));
            return;
        }
        if (e.actions().size() > MAX_ACTIONS) {
            out.add(Violation.error("quota.actions", "/actions",
                    "The template has " + e.actions().size() + " actions; FIS allows at most " + MAX_ACTIONS
                            + " (quota L-0BFE6B67, not adjustable).",
                    "Split the experiment into several templates."));
        }
        Set<String> targetNames = e.targets().keySet();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            LazyPointer at = append(ACTIONS, entry.getKey());
            name(entry.getKey(), at, "The action name", out);
            Action a = entry.getValue();
            String id = required(a.actionId(), at, "actionId", "The action id",
                    "Set \"actionId\", for example \"aws:ec2:stop-instances\".", out);
            if (!Checks.fits(id, 1, 128)) {
                length(id, 1, 128, at, "actionId", "The action id", out);
            }
            if (!Checks.fits(a.description().orElse(null), 0, 512)) {
                length(a.description().orElse(null), 0, 512, at, "description", "The action description", out);
            }
            for (Map.Entry<String, String> p : a.parameters().entrySet()) {
                if (Checks.fits(p.getKey(), 1, 64) && Checks.fits(p.getValue(), 1, 1024)
                        && (p.getValue().isEmpty() || Checks.hasNonBlank(p.getValue()))) {
                    continue; // the common case: no path to build
                }
                LazyPointer pat = append(append(at, "parameters"), p.getKey());
                length(p.getKey(), 1, 64, pat, "The parameter name", out);
                length(p.getValue(), 1, 1024, pat, "The parameter value", out);
                nonBlank(p.getValue(), pat, "The parameter value", out);
            }
            for (Map.Entry<String, String> t : a.targets().entrySet()) {
                if (Checks.fits(t.getKey(), 1, 64) && targetNames.contains(t.getValue())) {
                    continue; // the common case: no path to build
                }
                LazyPointer tat = append(append(at, "targets"), t.getKey());
                length(t.getKey(), 1, 64, tat, "The target key", out);
                if (!targetNames.contains(t.getValue())) {
                    List<String> near = Checks.nearestName(t.getValue(), targetNames);
                    out.add(Violation.error("action.target-undefined", tat.toString(),
                            "The action refers to target '" + t.getValue() + "', which the template does not define.",
                            near.isEmpty() ? "Define the target under \"targets\", or name one of: "
                                    + String.join(", ", targetNames) + "." : "Did you mean '" + near.get(0) + "'?"));
                }
            }
        }
    }

    private static void name(String name, LazyPointer at, String what, List<Violation> out) {
        if (!Checks.fits(name, 1, 64)) {
            length(name, 1, 64, at, what + " '" + name + "'", out);
        }
        nonBlank(name, at, what, out);
    }

    /** Checks a tag map; only tags the template sets ({@code own}) may not use the reserved aws: prefix. */
    private static void tags(Map<String, String> tags, LazyPointer at, boolean own, List<Violation> out) {
        if (tags.size() > MAX_TAGS) {
            out.add(Violation.error("tags.too-many", at.toString(), "There are " + tags.size() + " tags; FIS allows at most "
                    + MAX_TAGS + ".", "Remove tags until 50 or fewer remain."));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (Checks.fits(tag.getKey(), 1, 128) && Checks.fits(tag.getValue(), 0, 256)
                    && !(own && tag.getKey().startsWith("aws:"))) {
                continue; // the common case: no path to build
            }
            LazyPointer tat = append(at, tag.getKey());
            length(tag.getKey(), 1, 128, tat, "The tag key", out);
            length(tag.getValue(), 0, 256, tat, "The tag value", out);
            if (own && tag.getKey().startsWith("aws:")) {
                out.add(Violation.error("tags.reserved", tat.toString(), "Tag keys starting with 'aws:' are reserved by AWS.",
                        "Choose a key without the aws: prefix."));
            }
        }
    }

    private static void log(LogConfiguration log, List<Violation> out) {
        String at = "/logConfiguration";
        if (log.logSchemaVersion().isEmpty()) {
            out.add(Violation.error("required", append(at, "logSchemaVersion"), "The log schema version is required.",
                    "Set \"logSchemaVersion\": 2, the current version."));
        } else if (log.logSchemaVersion().get() < 1) {
            out.add(Violation.error("log.schema-version", append(at, "logSchemaVersion"),
                    "The log schema version must be 1 or more.", "Use 2, the current version."));
        } else if (log.logSchemaVersion().get() != LogConfiguration.CURRENT_SCHEMA_VERSION) {
            out.add(Violation.warning("log.schema-version", append(at, "logSchemaVersion"),
                    "Log schema version " + log.logSchemaVersion().get() + " is not the current one.",
                    "Use 2, the current version."));
        }
        if (log.cloudWatchLogsConfiguration().isEmpty() && log.s3Configuration().isEmpty()) {
            out.add(Violation.error("log.no-destination", at, "The log configuration has no destination.",
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

    private static void report(ReportConfiguration r, List<Violation> out) {
        String at = "/experimentReportConfiguration";
        r.s3Configuration().ifPresent(s3 -> s3(s3, append(append(at, "outputs"), "s3Configuration"), 256, out));
        if (r.s3Configuration().isEmpty()) {
            out.add(Violation.warning("report.no-output", at, "The report configuration has no S3 output.",
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
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                out.add(Violation.error("duration.range", at, "The duration must be positive.", "Use, say, PT20M."));
            }
        } catch (DateTimeException ex) {
            out.add(Violation.error("duration.invalid", at, "'" + value + "' is not an ISO-8601 duration.",
                    "Write a duration such as PT20M."));
        }
    }

    private static void accounts(Experiment e, List<Violation> out) {
        List<TargetAccountConfiguration> accounts = e.targetAccountConfigurations();
        boolean multi = e.experimentOptions().flatMap(o -> o.accountTargeting())
                .filter(AccountTargeting.MULTI_ACCOUNT::equals).isPresent();
        if (!accounts.isEmpty() && !multi) {
            out.add(Violation.error("account.single-account", "/targetAccountConfigurations",
                    "Target account configurations need accountTargeting \"multi-account\".",
                    "Set experimentOptions.accountTargeting to \"multi-account\"."));
        }
        if (multi && accounts.isEmpty()) {
            out.add(Violation.warning("account.none", "/experimentOptions/accountTargeting",
                    "A multi-account experiment without target account configurations targets no other account.",
                    "Add targetAccountConfigurations, or use single-account."));
        }
        if (accounts.size() > MAX_TARGET_ACCOUNTS) {
            out.add(Violation.error("quota.target-accounts", "/targetAccountConfigurations",
                    accounts.size() + " target accounts; FIS allows at most " + MAX_TARGET_ACCOUNTS + " (quota L-47D4AE5B).",
                    "Split the experiment."));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            TargetAccountConfiguration a = accounts.get(i);
            String at = append("/targetAccountConfigurations", i);
            String id = required(a.accountId(), append(at, "accountId"), "The account ID", "Set the 12-digit account ID.", out);
            length(id, 12, 48, append(at, "accountId"), "The account ID", out);
            if (id != null && !seen.add(id)) {
                out.add(Violation.error("account.duplicate", append(at, "accountId"),
                        "Account " + id + " is configured twice.", "Keep one configuration per account."));
            }
            String role = required(a.roleArn(), append(at, "roleArn"), "The role ARN", "Set the role FIS assumes there.", out);
            length(role, 20, 2048, append(at, "roleArn"), "The role ARN", out);
            length(a.description().orElse(null), 0, 512, append(at, "description"), "The description", out);
        }
    }
}
