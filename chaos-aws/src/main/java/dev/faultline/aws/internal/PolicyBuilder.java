package dev.faultline.aws.internal;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.ArnFormat;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Arn;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Builds the least-privilege permissions policy of an experiment; see {@code iam-permissions.json}. */
public final class PolicyBuilder {

    /**
     * What was built.
     *
     * @param statements the statements of the permissions policy
     * @param notes what to review by hand
     * @param account the role's account, or {@code *}
     * @param partition the role's partition, {@code aws} by default
     */
    public record Result(List<Statement> statements, List<String> notes, String account, String partition) {}

    /**
     * One statement of the permissions policy, which {@code IamPolicies} turns into its public
     * {@code PolicyStatement} (this package stays below the public one: no cycle between them).
     *
     * @param sid the statement id, unique in the policy
     * @param actions the IAM actions, sorted
     * @param resources the resource ARNs or patterns, sorted
     * @param conditions the condition block: operator, then key, then values
     */
    public record Statement(String sid, List<String> actions, List<String> resources,
            Map<String, Map<String, List<String>>> conditions) {}

    /** The statement of the actions that take no resource-level permissions. */
    static final String ANY_RESOURCE = "ActionsWithoutResourceLevelPermissions";

    /** One grant before grouping: actions on resources under conditions. */
    private record Grant(String sid, Set<String> resources, Map<String, Map<String, List<String>>> conditions) {}

    private final Experiment experiment;
    private final Catalog catalog;
    private final String region;
    private final String account;
    private final String partition;
    private final List<String> notes = new ArrayList<>();
    private final Map<Grant, Set<String>> grants = new LinkedHashMap<>();
    private final List<String> kmsKeys;

    private PolicyBuilder(Experiment experiment, Catalog catalog, String region, List<String> kmsKeys) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.region = region;
        this.kmsKeys = kmsKeys;
        Optional<Arn> role = experiment.roleArn().flatMap(Arn::parse);
        this.account = role.map(Arn::account).filter(a -> a.matches("\\d{12}")).orElse("*");
        this.partition = role.map(Arn::partition).filter(p -> p.matches("aws[a-z-]*")).orElse("aws");
    }

    /**
     * Builds the policy.
     *
     * @param experiment the experiment
     * @param catalog the catalog
     * @param region the Region, or {@code *}
     * @return the policy and notes
     */
    public static Result build(Experiment experiment, Catalog catalog, String region) {
        return build(experiment, catalog, region, List.of());
    }

    /**
     * Builds the policy, with {@code kms:CreateGrant} scoped to the given KMS keys.
     *
     * @param experiment the experiment
     * @param catalog the catalog
     * @param region the Region, or {@code *}
     * @param kmsKeys the KMS key ARNs the experiment's resources are encrypted with; empty for any key (with a note)
     * @return the policy and notes
     */
    public static Result build(Experiment experiment, Catalog catalog, String region, List<String> kmsKeys) {
        PolicyBuilder b = new PolicyBuilder(experiment, catalog, region, List.copyOf(kmsKeys));
        b.run();
        return new Result(b.document(), List.copyOf(b.notes), b.account, b.partition);
    }

    private void run() {
        for (Map.Entry<String, Action> entry : experiment.actions().entrySet()) {
            action(entry.getKey(), entry.getValue());
        }
        boolean tags = false;
        for (Map.Entry<String, Action> entry : experiment.actions().entrySet()) {
            for (String targetName : entry.getValue().targets().values()) {
                TemplateTarget t = experiment.targets().get(targetName);
                tags |= t != null && !t.resourceTags().isEmpty() && t.resourceArns().isEmpty();
            }
        }
        if (tags) {
            grant("ResolveTargetsByTag", "tag:GetResources", Set.of("*"), Map.of());
        }
        Set<String> alarms = new TreeSet<>();
        for (StopCondition s : experiment.stopConditions()) {
            if (s.isAlarm() && s.value().isPresent()) {
                alarms.add(s.value().get());
            }
        }
        if (!alarms.isEmpty()) {
            grant("DescribeStopConditionAlarms", "cloudwatch:DescribeAlarms", alarms, Map.of());
        }
        experiment.logConfiguration().ifPresent(this::logs);
        experiment.experimentReportConfiguration().ifPresent(this::report);
    }

    private void action(String name, Action action) {
        String actionId = action.actionId().orElse("");
        Optional<ActionDefinition> definition = catalog.action(actionId);
        if (definition.isEmpty()) {
            notes.add("Action '" + name + "' (" + actionId + ") is not in the catalog; add the permissions it needs by hand.");
            return;
        }
        List<String> permissions = new ArrayList<>(definition.get().permissions());
        if (actionId.equals("aws:ssm:send-command")) {
            action.parameters().entrySet().stream().filter(p -> p.getKey().equals("documentArn"))
                    .flatMap(p -> catalog.ssmDocument(p.getValue()).stream())
                    .forEach(d -> permissions.addAll(d.extraPermissions()));
        }
        String sid = PolicyTexts.sid(name);
        for (String permission : new LinkedHashSet<>(permissions)) {
            PermissionRules.Rule rule = PermissionRules.rule(actionId, permission);
            if (rule != null && rule.skip()) {
                continue;
            }
            if (rule == null) {
                defaultScope(sid, name, action, permission);
            } else {
                ruled(sid, name, action, actionId, permission, rule);
            }
        }
    }

    private void defaultScope(String sid, String name, Action action, String permission) {
        String verb = permission.substring(permission.indexOf(':') + 1);
        if (verb.startsWith("Describe") || verb.startsWith("List")) {
            grant(sid + "Read", permission, Set.of("*"), Map.of());
            return;
        }
        String service = permission.substring(0, permission.indexOf(':'));
        boolean scoped = false;
        for (Map.Entry<String, String> key : action.targets().entrySet()) {
            TemplateTarget t = experiment.targets().get(key.getValue());
            if (t != null && arnServices(t).contains(service)) {
                targetGrant(sid, key.getValue(), t, permission, service, Map.of());
                scoped = true;
            }
        }
        if (!scoped) {
            notes.add("Action '" + name + "': " + permission + " is allowed on \"*\"; no rule or target scopes it. Review it.");
            grant(sid + "Unscoped", permission, Set.of("*"), Map.of());
        }
    }

    private void ruled(String sid, String name, Action action, String actionId, String permission,
            PermissionRules.Rule rule) {
        Map<String, Map<String, List<String>>> conditions = fillConditions(rule.conditions(), action, actionId);
        if (conditions == null) {
            notes.add("Action '" + name + "': " + permission + " needs condition values the experiment does not give;"
                    + " it was left out.");
            return;
        }
        Set<String> literal = new TreeSet<>();
        boolean targets = false;
        for (String resource : rule.resources()) {
            if (resource.equals("target")) {
                for (String targetName : action.targets().values()) {
                    TemplateTarget t = experiment.targets().get(targetName);
                    if (t != null) {
                        targetGrant(sid, targetName, t, permission, null, conditions);
                        targets = true;
                    }
                }
            } else if (resource.equals("${kmsKeys}")) {
                literal.addAll(kmsKeys(name, permission));
            } else {
                literal.addAll(fill(resource, action));
            }
        }
        if (!literal.isEmpty()) {
            grant(sid + PolicyTexts.sid(permission.substring(permission.indexOf(':') + 1)), permission, literal, conditions);
        } else if (!targets) {
            notes.add("Action '" + name + "': " + permission + " has no resource to scope to (" + rule.resources()
                    + "); it was left out" + (rule.why() == null ? "." : ": " + rule.why() + "."));
        }
    }

    /** The keys given, or {@code "*"} with a note: FIS templates name no KMS key, so only the caller can say which. */
    private List<String> kmsKeys(String name, String permission) {
        if (!kmsKeys.isEmpty()) {
            return kmsKeys;
        }
        notes.add("Action '" + name + "': " + permission + " is allowed on every KMS key (only for grants EC2 makes for AWS"
                + " resources); name the keys of the instances' encrypted EBS volumes (--kms-key ARN) to scope it.");
        return List.of("*");
    }

    private void targetGrant(String sid, String targetName, TemplateTarget t, String permission, String service,
            Map<String, Map<String, List<String>>> extra) {
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>(extra);
        Set<String> resources = new TreeSet<>();
        if (!t.resourceArns().isEmpty()) {
            resources.addAll(t.resourceArns());
        } else {
            resources.addAll(patterns(t, service));
            if (!t.resourceTags().isEmpty()) {
                Map<String, List<String>> tags = new LinkedHashMap<>(conditions.getOrDefault("StringEquals", Map.of()));
                t.resourceTags().forEach((k, v) -> tags.put("aws:ResourceTag/" + k, List.of(v)));
                conditions.put("StringEquals", tags);
            }
        }
        if (resources.isEmpty()) {
            notes.add("Target '" + targetName + "' has no ARNs and its resource type no ARN format; " + permission
                    + " is allowed on \"*\".");
            resources.add("*");
        }
        grant(sid + "On" + PolicyTexts.sid(targetName), permission, resources, conditions);
    }

    private Set<String> arnServices(TemplateTarget t) {
        Set<String> services = new LinkedHashSet<>();
        t.resourceArns().forEach(a -> Arn.parse(a).ifPresent(arn -> services.add(arn.service())));
        t.resourceType().flatMap(catalog::resourceType)
                .ifPresent(r -> r.arnFormats().forEach(f -> services.add(f.service())));
        return services;
    }

    private List<String> patterns(TemplateTarget t, String service) {
        List<String> out = new ArrayList<>();
        Optional<ResourceTypeDefinition> type = t.resourceType().flatMap(catalog::resourceType);
        for (ArnFormat f : type.map(ResourceTypeDefinition::arnFormats).orElse(List.of())) {
            if (service == null || f.service().equals(service)) {
                out.add("arn:" + partition + ":" + f.service() + ":" + (f.regional() ? region : "") + ":"
                        + (f.accountScoped() ? account : "") + ":" + f.resourcePrefix() + "*");
            }
        }
        return out;
    }

    /** The target ARNs of an action, or their patterns for targets chosen otherwise. */
    private List<String> targetArns(Action action) {
        List<String> out = new ArrayList<>();
        for (String targetName : action.targets().values()) {
            TemplateTarget t = experiment.targets().get(targetName);
            if (t != null) {
                out.addAll(t.resourceArns().isEmpty() ? patterns(t, null) : t.resourceArns());
            }
        }
        return out;
    }

    private Map<String, Map<String, List<String>>> fillConditions(Map<String, Map<String, List<String>>> template,
            Action action, String actionId) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, List<String>>> op : template.entrySet()) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> key : op.getValue().entrySet()) {
                List<String> values = new ArrayList<>();
                for (String v : key.getValue()) {
                    if (v.equals("${targetArns}")) {
                        values.addAll(targetArns(action));
                    } else if (v.equals("${actionId}")) {
                        values.add(actionId);
                    } else {
                        values.addAll(fill(v, action));
                    }
                }
                if (values.isEmpty()) {
                    return null;
                }
                keys.put(key.getKey(), values);
            }
            out.put(op.getKey(), keys);
        }
        return out;
    }

    /** Fills an ARN template; empty when a value it needs is missing. */
    private List<String> fill(String template, Action action) {
        String text = template.replace("${partition}", partition).replace("${region}", region)
                .replace("${account}", account);
        if (text.contains("${documentName}")) {
            String arn = action.parameters().getOrDefault("documentArn", "");
            int at = arn.indexOf("document/");
            if (at < 0) {
                return List.of();
            }
            text = text.replace("${documentName}", arn.substring(at + "document/".length()));
        }
        if (text.startsWith("${param:") && text.endsWith("}")) {
            String value = action.parameters().get(text.substring(8, text.length() - 1));
            List<String> out = new ArrayList<>();
            if (value != null) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
            return out;
        }
        if (text.startsWith("${documentParameter:") && text.endsWith("}")) {
            return PolicyTexts.documentParameter(action, text.substring(20, text.length() - 1)).map(List::of).orElse(List.of());
        }
        return List.of(text);
    }

    private void logs(LogConfiguration log) {
        grant("DeliverExperimentLogs", "logs:CreateLogDelivery", Set.of("*"), Map.of());
        if (log.cloudWatchLogsConfiguration().isPresent()) {
            for (String a : List.of("logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups")) {
                grant("DeliverExperimentLogs", a, Set.of("*"), Map.of());
            }
        }
        log.s3Configuration().flatMap(s -> s.bucketName()).ifPresent(bucket -> {
            grant("DeliverExperimentLogsToS3", "s3:PutBucketPolicy", Set.of("arn:" + partition + ":s3:::" + bucket), Map.of());
            grant("DeliverExperimentLogsToS3", "s3:GetBucketPolicy", Set.of("arn:" + partition + ":s3:::" + bucket), Map.of());
        });
    }

    private void report(ReportConfiguration report) {
        report.s3Configuration().flatMap(s -> s.bucketName()).ifPresent(bucket -> {
            String prefix = report.s3Configuration().flatMap(s -> s.prefix()).orElse("");
            Set<String> objects = Set.of("arn:" + partition + ":s3:::" + bucket + "/" + prefix + "*");
            grant("WriteExperimentReport", "s3:PutObject", objects, Map.of());
            grant("WriteExperimentReport", "s3:GetObject", objects, Map.of());
            grant("DeliverExperimentLogs", "logs:CreateLogDelivery", Set.of("*"), Map.of());
        });
        if (!report.cloudWatchDashboards().isEmpty()) {
            grant("ReadReportDashboards", "cloudwatch:GetDashboard", new TreeSet<>(report.cloudWatchDashboards()), Map.of());
            grant("RenderReportWidgets", "cloudwatch:GetMetricWidgetImage", Set.of("*"), Map.of());
        }
    }

    /** Adds an action to the grant with these resources and conditions, creating it under the sid. */
    private void grant(String sid, String permission, Set<String> resources,
            Map<String, Map<String, List<String>>> conditions) {
        if (resources.equals(Set.of("*")) && conditions.isEmpty()) {
            sid = ANY_RESOURCE;
        }
        for (Map.Entry<Grant, Set<String>> g : grants.entrySet()) {
            if (g.getKey().resources().equals(resources) && g.getKey().conditions().equals(conditions)) {
                g.getValue().add(permission);
                return;
            }
        }
        Set<String> actions = new TreeSet<>();
        actions.add(permission);
        grants.put(new Grant(sid, new TreeSet<>(resources), conditions), actions);
    }

    private List<Statement> document() {
        List<Statement> statements = new ArrayList<>();
        Set<String> sids = new LinkedHashSet<>();
        for (Map.Entry<Grant, Set<String>> g : grants.entrySet()) {
            String sid = g.getKey().sid();
            for (int i = 2; !sids.add(sid); i++) {
                sid = g.getKey().sid() + i;
            }
            statements.add(new Statement(sid, List.copyOf(g.getValue()), List.copyOf(g.getKey().resources()),
                    g.getKey().conditions()));
        }
        return List.copyOf(statements);
    }
}
