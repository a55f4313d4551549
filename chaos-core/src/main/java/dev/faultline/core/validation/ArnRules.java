package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Arn;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syntax of every ARN in a template (partition, service, Region, account, resource) and
 * the unresolved placeholders left in its values, which are reported as placeholders and not as
 * broken ARNs.
 */
final class ArnRules implements ValidationRule {

    static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b",
            "aws-iso-e", "aws-iso-f", "aws-eusc");

    /** Action parameters whose values are documents, where angle brackets are not placeholders. */
    private static final List<String> DOCUMENT_PARAMETERS = List.of("documentParameters", "kubernetesSpec");

    /** What an ARN in a given place must look like. */
    enum Kind {
        ROLE("iam", "role/", false, true),
        ALARM("cloudwatch", "alarm:", true, true),
        DOCUMENT("ssm", "document/", true, false),
        LOG_GROUP("logs", "log-group:", true, true),
        DASHBOARD("cloudwatch", "dashboard/", false, true),
        ANY(null, null, false, false);

        final String service;
        final String resourcePrefix;
        final boolean needsRegion;
        final boolean needsAccount;
        /** {@code arn:aws:SERVICE:}, the start of this kind's ARNs in the commercial partition; null for any service. */
        final String awsPrefix;

        Kind(String service, String resourcePrefix, boolean needsRegion, boolean needsAccount) {
            this.service = service;
            this.awsPrefix = service == null ? null : "arn:aws:" + service + ":";
            this.resourcePrefix = resourcePrefix;
            this.needsRegion = needsRegion;
            this.needsAccount = needsAccount;
        }
    }

    /**
     * An alarm stop condition's value is an alarm ARN; so is the value of one whose source is
     * misspelt, unless the nearest source is "none": a wrong source must not hide a wrong ARN.
     */
    private static boolean checkedAsAlarm(String source) {
        if (StopCondition.SOURCE_ALARM.equals(source)) {
            return true;
        }
        if (source == null || source.equals(StopCondition.SOURCE_NONE)) {
            return false;
        }
        List<String> near = Suggestions.nearest(source, List.of(StopCondition.SOURCE_NONE, StopCondition.SOURCE_ALARM), 1);
        return near.isEmpty() || near.get(0).equals(StopCondition.SOURCE_ALARM);
    }

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        String role = context.roleArn(e).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
        if (role != null) {
            check(role, "/roleArn", Kind.ROLE, out);
        }
        stopConditions(e.stopConditions(), context, out);
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            target(entry.getKey(), entry.getValue(), out);
        }
        for (Map.Entry<String, Action> action : e.actions().entrySet()) {
            Map<String, String> parameters = action.getValue().parameters();
            if (!parameters.isEmpty()) {
                parameters(action.getKey(), parameters, out);
            }
        }
        // Optional's isPresent/get rather than lambdas capturing out: no allocation when nothing is there
        Optional<LogConfiguration> log = e.logConfiguration();
        if (log.isPresent()) {
            log(log.get(), out);
        }
        Optional<ReportConfiguration> report = e.experimentReportConfiguration();
        if (report.isPresent()) {
            ReportConfiguration r = report.get();
            for (int i = 0; i < r.cloudWatchDashboards().size(); i++) {
                check(r.cloudWatchDashboards().get(i), "/experimentReportConfiguration/dataSources/cloudWatchDashboards/"
                        + i + "/dashboardIdentifier", Kind.DASHBOARD, out);
            }
        }
        List<TargetAccountConfiguration> accounts = e.targetAccountConfigurations();
        for (int i = 0; i < accounts.size(); i++) {
            account(accounts.get(i), append("/targetAccountConfigurations", i), out);
        }
    }

    private static void stopConditions(List<StopCondition> conditions, ValidationContext context, List<Violation> out) {
        for (int i = 0; i < conditions.size(); i++) {
            StopCondition c = conditions.get(i);
            String value = context.value(c).orElse(null);
            if (value != null && !isClean(value, Kind.ALARM) && checkedAsAlarm(context.source(c).orElse(null))) {
                check(value, append(append("/stopConditions", i), "value"), Kind.ALARM, out);
            }
        }
    }

    /** A target's ARNs, and the placeholders in its tags, parameters and filter values. */
    private static void target(String name, TemplateTarget t, List<Violation> out) {
        List<String> arns = t.resourceArns();
        for (int i = 0; i < arns.size(); i++) {
            String arn = arns.get(i);
            if (!isClean(arn, Kind.ANY)) {
                check(arn, append(append(append("/targets", name), "resourceArns"), i), Kind.ANY, out);
            }
        }
        placeholders(t.resourceTags(), name, "resourceTags", out);
        placeholders(t.parameters(), name, "parameters", out);
        List<Filter> filters = t.filters();
        for (int i = 0; i < filters.size(); i++) {
            List<String> values = filters.get(i).values();
            for (int j = 0; j < values.size(); j++) {
                if (Placeholders.contains(values.get(j))) {
                    placeholder(values.get(j),
                            append(append(append(append(append("/targets", name), "filters"), i), "values"), j),
                            out);
                }
            }
        }
    }

    private static void parameters(String action, Map<String, String> parameters, List<Violation> out) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            parameter(action, p.getKey(), p.getValue(), out);
        }
    }

    private static void log(LogConfiguration log, List<Violation> out) {
        Optional<String> group = log.cloudWatchLogsConfiguration().flatMap(c -> c.logGroupArn());
        if (group.isPresent()) {
            check(group.get(), "/logConfiguration/cloudWatchLogsConfiguration/logGroupArn", Kind.LOG_GROUP, out);
        }
        Optional<String> bucket = log.s3Configuration().flatMap(c -> c.bucketName());
        if (bucket.isPresent()) {
            placeholder(bucket.get(), "/logConfiguration/s3Configuration/bucketName", out);
        }
    }

    /** A target account configuration's role, and that it is in the configuration's account. */
    private static void account(TargetAccountConfiguration a, String at, List<Violation> out) {
        Optional<String> role = a.roleArn();
        if (role.isEmpty()) {
            return;
        }
        String arn = role.get();
        check(arn, append(at, "roleArn"), Kind.ROLE, out);
        // only two well-formed accounts can differ: a malformed one is already its own error
        Optional<Arn> parsed = Arn.parse(arn);
        if (parsed.isPresent() && a.accountId().isPresent() && !Placeholders.contains(arn)
                && ArnParts.isAccount(parsed.get().account()) && ArnParts.isAccount(a.accountId().get())
                && !parsed.get().account().equals(a.accountId().get())) {
            out.add(Violation.error(ViolationCode.ARN_ACCOUNT_FORMAT, append(at, "roleArn"),
                    "The role is in account " + parsed.get().account() + ", not in target account "
                            + a.accountId().get() + ".", "Use a role of the target account."));
        }
    }

    /** One action parameter: a document ARN, a list of alarm ARNs, or a value that may hold a placeholder. */
    private static void parameter(String action, String key, String value, List<Violation> out) {
        if ("documentArn".equals(key)) {
            if (!isClean(value, Kind.DOCUMENT)) {
                check(value, parameterPath(action, key), Kind.DOCUMENT, out);
            }
        } else if ("alarmArns".equals(key)) {
            alarms(value, parameterPath(action, key), out);
        } else if (!DOCUMENT_PARAMETERS.contains(key) && Placeholders.contains(value)) {
            placeholder(value, parameterPath(action, key), out);
        }
    }

    private static String parameterPath(String action, String key) {
        return append(append(append("/actions", action), "parameters"), key);
    }

    /** The placeholders in a target's map field; the path is built only for a value that holds one. */
    private static void placeholders(Map<String, String> values, String target, String field, List<Violation> out) {
        if (values.isEmpty()) {
            return; // an empty map never reaches entrySet: with one kind of map there, C2 removes the iterator
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (Placeholders.contains(v.getValue())) {
                placeholder(v.getValue(), append(append(append("/targets", target), field), v.getKey()), out);
            }
        }
    }

    private static boolean placeholder(String value, String path, List<Violation> out) {
        if (!Placeholders.contains(value)) {
            return false;
        }
        List<String> found = Placeholders.find(value);
        out.add(Violation.warning(ViolationCode.TEMPLATE_PLACEHOLDER_UNRESOLVED, path, "Unresolved placeholder " + String.join(", ", found) + ".",
                "Replace it with the real value before creating the template."));
        return true;
    }

    /** The comma-separated alarm ARNs of aws:cloudwatch:assert-alarm-state; empty items are ParameterChecks' concern. */
    private static void alarms(String value, String path, List<Violation> out) {
        boolean hasPlaceholder = placeholder(value, path, out);
        for (String item : value.split(",", -1)) {
            String arn = item.trim();
            if (!arn.isEmpty()) {
                syntax(arn, path, Kind.ALARM, hasPlaceholder && Placeholders.contains(arn), out);
            }
        }
    }

    /** Checks one ARN: placeholders are reported once, and the parts they stand in for are not checked. */
    static void check(String text, String path, Kind kind, List<Violation> out) {
        if (!isClean(text, kind)) {
            checkFully(text, path, kind, out);
        }
    }

    /** {@link #check} without the fast path for a clean ARN. */
    static void checkFully(String text, String path, Kind kind, List<Violation> out) {
        syntax(text, path, kind, placeholder(text, path, out), out);
    }

    /**
     * Tells, without splitting the text or building anything, that an ARN without placeholders is
     * well formed for its place: true only when {@link #check} would report nothing. Anything
     * else (a placeholder, a bad part) goes the long way, which finds and words the problem.
     */
    static boolean isClean(String text, Kind kind) {
        int partition;
        int service;
        if (kind.awsPrefix != null && text.startsWith(kind.awsPrefix)) {
            // "arn:aws:SERVICE:", the common case, compared at once: the partition and the service are right
            partition = 7;
            service = kind.awsPrefix.length() - 1;
        } else {
            if (!text.startsWith("arn:")) {
                return false;
            }
            partition = ArnParts.colon(text, 4);
            service = partition < 0 ? -1 : ArnParts.colon(text, partition + 1);
            if (service < 0 || !ArnParts.isPartition(text, 4, partition) || !ArnParts.isServiceName(text, partition + 1, service)) {
                return false;
            }
            if (kind.service != null && !ArnParts.matches(text, partition + 1, service, kind.service)) {
                return false;
            }
        }
        // a placeholder's '<' or '{' before the resource fails the check of the part it is in
        int region = ArnParts.colon(text, service + 1);
        if (region < 0 || (region == service + 1 ? kind.needsRegion
                : ArnParts.matches(text, partition + 1, service, "iam") || !ArnParts.isRegion(text, service + 1, region))) {
            return false;
        }
        int account = region + 13;
        if (!ArnParts.isAccountThenColon(text, region + 1)) { // the common case, a 12-digit account, needs no scan
            account = ArnParts.colon(text, region + 1);
            // not 12 digits (those are followed by the colon, found above): empty, "aws", or wrong
            if (account < 0 || (account == region + 1 ? kind.needsAccount : !ArnParts.matches(text, region + 1, account, "aws"))) {
                return false;
            }
        }
        return account + 1 < text.length() && (kind.resourcePrefix == null || text.startsWith(kind.resourcePrefix, account + 1))
                && !ArnParts.mayHoldPlaceholder(text, account + 1);
    }

    private static void syntax(String text, String path, Kind kind, boolean hasPlaceholder, List<Violation> out) {
        Optional<Arn> parsed = Arn.parse(hasPlaceholder ? Placeholders.colonsHidden(text) : text);
        if (parsed.isEmpty()) {
            if (!hasPlaceholder || !text.startsWith(Placeholders.find(text).get(0))) {
                out.add(Violation.error(ViolationCode.ARN_FORMAT, path, "'" + text + "' is not an ARN.",
                        "An ARN reads arn:partition:service:region:account:resource"
                                + (kind.service == null ? "." : ", here arn:aws:" + kind.service + ":…")));
            }
            return;
        }
        Arn arn = parsed.get();
        if (!skip(arn.partition()) && !PARTITIONS.contains(arn.partition())) {
            List<String> near = Suggestions.nearest(arn.partition(), PARTITIONS, 1);
            out.add(Violation.error(ViolationCode.ARN_PARTITION_UNKNOWN, path, "'" + arn.partition() + "' is not an AWS partition.",
                    near.isEmpty() ? "Use aws, aws-cn or aws-us-gov." : "Did you mean '" + near.get(0) + "'?"));
        }
        if (!skip(arn.service())) {
            if (!ArnParts.isServiceName(arn.service())) {
                out.add(Violation.error(ViolationCode.ARN_SERVICE_FORMAT, path, "'" + arn.service() + "' is not a service namespace.",
                        "Write the service in lower case, for example ec2."));
            } else if (kind.service != null && !kind.service.equals(arn.service())) {
                out.add(Violation.error(ViolationCode.ARN_SERVICE_MISMATCH, path, "This must be an ARN of service " + kind.service
                        + ", not " + arn.service() + ".", "Use arn:aws:" + kind.service + ":…"));
            }
        }
        region(arn, path, kind, out);
        account(arn, path, kind, out);
        if (arn.resource().isEmpty()) {
            out.add(Violation.error(ViolationCode.ARN_RESOURCE_FORMAT, path, "The ARN has no resource part.",
                    "Add the resource after the account, for example " + (kind.resourcePrefix == null ? "instance/i-…"
                            : kind.resourcePrefix + "…") + "."));
        } else if (kind.resourcePrefix != null && !skip(arn.resource()) && !arn.resource().startsWith(kind.resourcePrefix)
                && !arn.resource().startsWith("<")) {
            out.add(Violation.error(ViolationCode.ARN_RESOURCE_FORMAT, path, "The resource '" + arn.resource() + "' should start with '"
                    + kind.resourcePrefix + "'.", "Use the " + kind.service + " ARN of a " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "."));
        }
    }

    private static void region(Arn arn, String path, Kind kind, List<Violation> out) {
        String region = arn.region();
        if (skip(region)) {
            return;
        }
        if (region.isEmpty()) {
            if (kind.needsRegion) {
                out.add(Violation.error(ViolationCode.ARN_REGION_FORMAT, path, "The ARN has no Region.", "Add the Region, for example us-east-1."));
            }
            return;
        }
        if ("iam".equals(arn.service())) {
            out.add(Violation.error(ViolationCode.ARN_REGION_FORMAT, path, "IAM ARNs have no Region, but this one has '" + region + "'.",
                    "Write arn:aws:iam::<account>:role/<name>."));
        } else if (!ArnParts.isRegion(region)) {
            out.add(Violation.error(ViolationCode.ARN_REGION_FORMAT, path, "'" + region + "' is not a Region code.",
                    "Use a Region code such as us-east-1."));
        }
    }

    private static void account(Arn arn, String path, Kind kind, List<Violation> out) {
        String account = arn.account();
        if (skip(account)) {
            return;
        }
        if (account.isEmpty()) {
            if (kind.needsAccount) {
                out.add(Violation.error(ViolationCode.ARN_ACCOUNT_FORMAT, path, "The ARN has no account ID.", "Add the 12-digit account ID."));
            }
            return;
        }
        if (!ArnParts.isAccount(account) && !"aws".equals(account)) {
            out.add(Violation.error(ViolationCode.ARN_ACCOUNT_FORMAT, path, "'" + account + "' is not a 12-digit account ID.",
                    "Use the 12-digit account ID, without dashes."));
        }
    }

    private static boolean skip(String part) {
        return Placeholders.contains(part);
    }
}
