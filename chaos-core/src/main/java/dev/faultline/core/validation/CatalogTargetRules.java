package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.Identification;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The targets' half of {@link CatalogRules}: known resource types, their parameters and ARN
 * formats, how each type may be identified (narrowed by the actions that use the target), the
 * actions' per-action target quotas, and targets no action uses. As in {@link CatalogRules}, a
 * clean target is walked by small methods and paths are built only for a violation.
 */
final class CatalogTargetRules {

    private static final JsonPointer TARGETS = JsonPointer.parse("/targets");

    private CatalogTargetRules() {}

    static void targets(Experiment e, ValidationContext context, List<Violation> out) {
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            String name = entry.getKey();
            TemplateTarget t = entry.getValue();
            resourceType(name, t, e, context, out);
            // the actions' target quotas depend on the actions, not on the resource type: checked even when the type is bad
            actionTargetQuota(name, t, e, context, out);
            if (!used(name, e)) {
                out.add(Violation.warning(ViolationCode.TARGET_UNUSED, TARGETS.child(name).toString(), "No action uses target '" + name + "'.",
                        "Reference it from an action's targets, or remove it."));
            }
        }
    }

    /** Tells whether an action refers to the target: a scan, like {@link #identification}'s per target, with nothing to allocate. */
    private static boolean used(String target, Experiment e) {
        for (Action a : e.actions().values()) {
            if (a.targets().containsValue(target)) {
                return true;
            }
        }
        return false;
    }

    private static JsonPointer at(String target, String field) {
        return append(TARGETS.child(target), field);
    }

    private static void resourceType(String name, TemplateTarget t, Experiment e, ValidationContext context, List<Violation> out) {
        Catalog catalog = context.catalog();
        String type = context.resourceType(t).orElse(null);
        if (type == null) {
            return;
        }
        ResourceTypeDefinition r = catalog.resourceType(type).orElse(null);
        if (r == null) {
            unknownType(name, type, catalog, out);
            return;
        }
        if (r.legacy()) {
            out.add(Violation.warning(ViolationCode.TARGET_RESOURCE_TYPE_DEPRECATED, at(name, "resourceType").toString(),
                    type + " is a legacy resource type.", "Use the type the current action takes."));
        }
        identification(name, t, r, e, context, out);
        parameters(name, type, t.parameters(), r, out);
        arns(name, type, t.resourceArns(), r, out);
    }

    /** The target's parameters against its type's. */
    private static void parameters(String name, String type, Map<String, String> given, ResourceTypeDefinition r,
            List<Violation> out) {
        Map<String, ParameterDefinition> defined = r.parameters();
        for (Map.Entry<String, String> p : given.entrySet()) {
            ParameterDefinition pdef = defined.get(p.getKey());
            if (pdef == null) {
                unknownParameter(name, type, p.getKey(), r, out);
            } else {
                ParameterChecks.check(pdef, p.getValue(), TARGETS, name, p.getKey(), ParameterCodes.TARGET, out);
            }
        }
        if (!defined.isEmpty()) { // most types have no parameters: no iterator over an empty map
            for (ParameterDefinition pdef : defined.values()) {
                if (pdef.required() && !given.containsKey(pdef.name())) {
                    out.add(Violation.error(ViolationCode.TARGET_PARAMETER_MISSING, append(at(name, "parameters"), pdef.name()).toString(),
                            type + " targets require the parameter '" + pdef.name() + "'.", CatalogRules.requiredHint(pdef)));
                }
            }
        }
    }

    /** The target's ARNs against its type's ARN formats. */
    private static void arns(String name, String type, List<String> arns, ResourceTypeDefinition r, List<Violation> out) {
        for (int i = 0; i < arns.size(); i++) {
            String arn = arns.get(i);
            if (!Placeholders.contains(arn) && arn.startsWith("arn:") && !r.arnFormats().isEmpty() && !r.matchesArn(arn)) {
                out.add(Violation.error(ViolationCode.TARGET_ARN_TYPE_MISMATCH, append(at(name, "resourceArns"), i).toString(),
                        "'" + arn + "' is not the ARN of a " + type + ".",
                        "Use an ARN like arn:aws:" + r.arnService().orElse("…") + ":…:" + r.arnResourcePrefix().orElse("") + "…"));
            }
        }
    }

    private static void unknownType(String name, String type, Catalog catalog, List<Violation> out) {
        List<String> known = new ArrayList<>();
        catalog.resourceTypes().forEach(r -> known.add(r.type()));
        List<String> near = Suggestions.nearest(type, known, 1);
        out.add(Violation.error(ViolationCode.TARGET_RESOURCE_TYPE_UNKNOWN, at(name, "resourceType").toString(),
                "'" + type + "' is not a FIS target resource type.",
                near.isEmpty() ? "Use a type such as aws:ec2:instance (see docs/catalog.md)." : "Did you mean '" + near.get(0) + "'?"));
    }

    private static void unknownParameter(String name, String type, String parameter, ResourceTypeDefinition r, List<Violation> out) {
        List<String> near = Suggestions.nearest(parameter, r.parameters().keySet(), 1);
        out.add(Violation.error(ViolationCode.TARGET_PARAMETER_UNKNOWN, append(at(name, "parameters"), parameter).toString(),
                type + " has no target parameter '" + parameter + "'.",
                !near.isEmpty() ? "Did you mean '" + near.get(0) + "'?" : r.parameters().isEmpty()
                        ? type + " takes no parameters; remove it." : "Its parameters are "
                        + String.join(", ", r.parameters().keySet()) + "."));
    }

    /** How the target names its resources, against its type's rule narrowed by each action that uses it. */
    private static void identification(String name, TemplateTarget t, ResourceTypeDefinition r, Experiment e,
            ValidationContext context, List<Violation> out) {
        Identification id = r.identification();
        String by = r.type();
        for (Action a : e.actions().values()) {
            if (!a.targets().containsValue(name)) {
                continue;
            }
            ActionDefinition def = context.actionDefinition(a).orElse(null); // looked up once for every rule
            Identification narrower = def == null ? null : def.identification().orElse(null);
            if (narrower != null) {
                id = id.narrowedBy(narrower);
                by = context.actionId(a).orElse(null);
            }
        }
        identifiedBy(name, t, id, by, out);
    }

    /** The ways the target names its resources, and how many ARNs it lists, against the identification rule. */
    private static void identifiedBy(String name, TemplateTarget t, Identification id, String by, List<Violation> out) {
        means(!t.resourceArns().isEmpty(), id, Identification.Means.ARNS, "resourceArns", by, name, out);
        means(!t.resourceTags().isEmpty(), id, Identification.Means.TAGS, "resourceTags", by, name, out);
        means(!t.filters().isEmpty(), id, Identification.Means.FILTERS, "filters", by, name, out);
        means(!t.parameters().isEmpty(), id, Identification.Means.PARAMETERS, "parameters", by, name, out);
        int arns = t.resourceArns().size();
        boolean byArns = id.allows(Identification.Means.ARNS);
        if (byArns && arns > 0 && (arns < id.minArns() || arns > id.maxArns() && id.maxArns() < ApiRules.MAX_ARNS)
                || id.minArns() > 0 && arns == 0 && !id.allows(Identification.Means.TAGS)) {
            arnCount(name, arns, id, by, out);
        }
    }

    /** Reports too few or too many ARNs for the identification rule, or none where it needs ARNs. */
    private static void arnCount(String name, int arns, Identification id, String by, List<Violation> out) {
        if (id.allows(Identification.Means.ARNS) && arns > 0 && arns < id.minArns()) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, at(name, "resourceArns").toString(),
                    by + " needs at least " + id.minArns() + " resource ARNs.", "Add ARNs."));
        }
        // over the API's own limit is target.too-many-arns, and ARNs where none are allowed is reported above
        if (id.allows(Identification.Means.ARNS) && arns > id.maxArns() && id.maxArns() < ApiRules.MAX_ARNS) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, at(name, "resourceArns").toString(),
                    by + " takes at most " + id.maxArns() + " resource ARN" + (id.maxArns() == 1 ? "" : "s") + ".",
                    "Keep " + id.maxArns() + "."));
        }
        if (id.minArns() > 0 && arns == 0 && !id.allows(Identification.Means.TAGS)) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, TARGETS.child(name).toString(),
                    by + " needs its resources by ARN.", "Give resourceArns."));
        }
    }

    private static void means(boolean used, Identification id, Identification.Means means, String field, String by,
            String name, List<Violation> out) {
        if (used && !id.allows(means)) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, at(name, field).toString(),
                    by + " does not support " + field + " for its targets.",
                    "Identify the resources by " + allowed(id) + "."));
        }
    }

    private static String allowed(Identification id) {
        List<String> names = new ArrayList<>();
        for (Identification.Means m : id.allowed()) {
            names.add(m.name().toLowerCase(Locale.ROOT));
        }
        return names.isEmpty() ? "nothing" : String.join(" or ", names);
    }

    /** Warns when a target can hold more resources than an action's per-action target quota. */
    private static void actionTargetQuota(String name, TemplateTarget t, Experiment e, ValidationContext context,
            List<Violation> out) {
        long most = t.resourceArns().isEmpty() ? -1 : t.resourceArns().size();
        if (most < 0) {
            SelectionMode mode = context.selectionMode(t).orElse(null);
            most = mode != null && mode.kind() == SelectionMode.Kind.COUNT ? mode.value() : -1;
        }
        if (most < 0) {
            return;
        }
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            Action a = entry.getValue();
            if (!a.targets().containsValue(name)) {
                continue;
            }
            ActionDefinition def = context.actionDefinition(a).orElse(null);
            if (def != null && def.targetQuota().isPresent() && most > def.targetQuota().getAsInt()) {
                quotaExceeded(name, most, def, out);
            }
        }
    }

    private static void quotaExceeded(String name, long most, ActionDefinition def, List<Violation> out) {
        out.add(Violation.warning(ViolationCode.QUOTA_ACTION_TARGETS_TOO_MANY, TARGETS.child(name).toString(),
                "Target '" + name + "' can hold " + most + " resources, but " + def.id() + " acts on at most "
                        + def.targetQuota().getAsInt() + " by default" + def.quotaCode().map(c -> " (quota " + c + ")").orElse("") + ".",
                "Select fewer resources, or raise the quota."));
    }
}
