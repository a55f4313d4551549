package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.Identification;
import dev.faultline.core.catalog.ParameterCondition;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.catalog.TargetKeyDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The action catalog's rules: known action ids, target keys and the resource types they take,
 * parameter names, required parameters, types, ranges and enumerations, duration ranges,
 * resource-type parameters and how each resource type may be identified, and the parameters of
 * the {@code AWSFIS-Run-*} SSM documents.
 */
final class CatalogRules implements ValidationRule {

    private static final JsonPointer ACTIONS = JsonPointer.parse("/actions");
    private static final JsonPointer TARGETS = JsonPointer.parse("/targets");

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        Catalog catalog = context.catalog();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            Action a = entry.getValue();
            String id = a.actionId().orElse(null); // read once: each call of a model accessor makes an Optional
            if (id == null) {
                continue;
            }
            JsonPointer at = append(ACTIONS, entry.getKey());
            Optional<ActionDefinition> def = catalog.action(id);
            if (def.isEmpty()) {
                List<String> near = Suggestions.nearest(id, catalog.actionIds(), 1);
                out.add(Violation.error(ViolationCode.ACTION_ID_UNKNOWN, append(at, "actionId").toString(),
                        "'" + id + "' is not an action of the catalog; FIS rejects it (ResourceNotFoundException).",
                        near.isEmpty() ? "Check the id against FIS's ListActions; an action newer than the catalog can be added"
                                + " with a catalog overlay file (docs/catalog.md)."
                                : "Did you mean '" + near.get(0) + "'?"));
                continue;
            }
            action(entry.getKey(), a, def.get(), e, catalog, at, out);
        }
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            JsonPointer at = append(TARGETS, entry.getKey());
            target(entry.getKey(), entry.getValue(), e, catalog, at, out);
            if (!used(entry.getKey(), e)) {
                out.add(Violation.warning(ViolationCode.TARGET_UNUSED, at.toString(), "No action uses target '" + entry.getKey() + "'.",
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

    // ---- actions -------------------------------------------------------------------------

    private static void action(String name, Action a, ActionDefinition def, Experiment e, Catalog catalog, JsonPointer at,
            List<Violation> out) {
        if (def.deprecated()) {
            out.add(Violation.warning(ViolationCode.ACTION_ID_DEPRECATED, append(at, "actionId").toString(),
                    def.id() + " is a legacy action.",
                    def.replacedBy().map(r -> "Use " + r + " instead.").orElse("Use its replacement.")));
        }
        targetKeys(a, def, e, at, out);
        parameters(a, def, catalog, at, out);
    }

    private static void targetKeys(Action a, ActionDefinition def, Experiment e, JsonPointer at, List<Violation> out) {
        Map<String, TargetKeyDefinition> keys = def.targets();
        if (keys.isEmpty()) {
            if (!a.targets().isEmpty()) {
                out.add(Violation.error(ViolationCode.ACTION_TARGETS_MISSING, append(at, "targets").toString(),
                        def.id() + " takes no targets.", "Remove its targets."));
            }
            return;
        }
        if (a.targets().isEmpty()) {
            TargetKeyDefinition key = keys.values().iterator().next();
            out.add(Violation.error(ViolationCode.ACTION_TARGET_KEY_MISSING, append(at, "targets").toString(),
                    def.id() + " needs a target under the key '" + key.key() + "'.",
                    "Add \"targets\": {\"" + key.key() + "\": \"<target name>\"} with a target of type "
                            + String.join(" or ", key.resourceTypes()) + "."));
            return;
        }
        for (Map.Entry<String, String> t : a.targets().entrySet()) {
            JsonPointer tat = append(append(at, "targets"), t.getKey());
            TemplateTarget target = e.targets().get(t.getValue());
            Optional<String> type = target == null ? Optional.empty() : target.resourceType();
            TargetKeyDefinition key = keys.get(t.getKey());
            if (key == null) {
                String right = type.flatMap(def::targetKeyFor).orElse(keys.keySet().iterator().next());
                out.add(Violation.error(ViolationCode.ACTION_TARGET_KEY_UNKNOWN, tat.toString(),
                        "Unexpected target \"" + t.getKey() + "\" found in action; " + def.id()
                                + " takes its targets under " + String.join(", ", keys.keySet()) + ".",
                        "Use the key '" + right + "'."));
                if (type.isPresent() && def.targetKeyFor(type.get()).isEmpty()) {
                    // a misspelt key does not hide a target no key of the action takes
                    out.add(Violation.error(ViolationCode.ACTION_TARGET_TYPE_MISMATCH, tat.toString(),
                            "Target '" + t.getValue() + "' has resource type " + type.get() + ", but " + def.id()
                                    + " takes no target of that type.",
                            "Point '" + right + "' at a target of type " + String.join(" or ", keys.get(right).resourceTypes()) + "."));
                }
                continue;
            }
            if (type.isPresent() && !key.accepts(type.get())) {
                out.add(Violation.error(ViolationCode.ACTION_TARGET_TYPE_MISMATCH, tat.toString(),
                        "Target '" + t.getValue() + "' has resource type " + type.get() + ", but " + def.id()
                                + " takes " + String.join(" or ", key.resourceTypes()) + " under '" + key.key() + "'.",
                        "Point '" + key.key() + "' at a target of type " + String.join(" or ", key.resourceTypes()) + "."));
            }
        }
    }

    private static void parameters(Action a, ActionDefinition def, Catalog catalog, JsonPointer at, List<Violation> out) {
        JsonPointer pat = append(at, "parameters");
        for (Map.Entry<String, String> p : a.parameters().entrySet()) {
            Optional<ParameterDefinition> pdef = def.parameter(p.getKey());
            if (pdef.isEmpty()) {
                out.add(Violation.error(ViolationCode.PARAMETER_UNKNOWN, append(pat, p.getKey()).toString(),
                        def.id() + " has no parameter '" + p.getKey() + "'.", unknownParameterHint(p.getKey(), def)));
                continue;
            }
            ParameterChecks.check(pdef.get(), p.getValue(), pat, p.getKey(), ParameterCodes.ACTION, out);
            Optional<String> with = pdef.get().appliesOnlyWith();
            if (with.isPresent() && !a.parameters().containsKey(with.get())) {
                out.add(Violation.warning(ViolationCode.PARAMETER_INEFFECTIVE, append(pat, p.getKey()).toString(),
                        def.id() + " ignores '" + p.getKey() + "' unless '" + with.get() + "' is set.",
                        "Set '" + with.get() + "', or remove '" + p.getKey() + "'."));
            }
        }
        for (ParameterDefinition pdef : def.parameters().values()) {
            if (a.parameters().containsKey(pdef.name())) {
                continue;
            }
            if (pdef.required()) {
                out.add(Violation.error(ViolationCode.PARAMETER_MISSING, append(pat, pdef.name()).toString(),
                        def.id() + " requires the parameter '" + pdef.name() + "'.", requiredHint(pdef)));
            } else if (requiredNow(pdef, a)) {
                out.add(Violation.error(ViolationCode.PARAMETER_MISSING, append(pat, pdef.name()).toString(),
                        def.id() + " requires '" + pdef.name() + "' " + pdef.requiredWhen().get().description() + ".",
                        requiredHint(pdef)));
            }
        }
        if ("aws:ssm:send-command".equals(def.id()) || "aws:ssm:start-automation-execution".equals(def.id())) {
            DocumentParameterRules.check(a, catalog, pat, out);
        }
    }

    /** Tells whether an optional parameter is required by a condition the other parameters meet (no lambda: runs for every parameter not set). */
    private static boolean requiredNow(ParameterDefinition pdef, Action a) {
        Optional<ParameterCondition> when = pdef.requiredWhen();
        return when.isPresent() && when.get().isMachineCheckable() && when.get().appliesTo(a.parameters());
    }

    private static String unknownParameterHint(String name, ActionDefinition def) {
        List<String> near = Suggestions.nearest(name, def.parameters().keySet(), 1);
        if (!near.isEmpty()) {
            return "Did you mean '" + near.get(0) + "'?";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        List<String> containing = new ArrayList<>();
        for (String known : def.parameters().keySet()) {
            if (known.toLowerCase(Locale.ROOT).contains(lower)) {
                containing.add(known);
            }
        }
        if (containing.size() == 1) {
            return "Did you mean '" + containing.get(0) + "'?";
        }
        if (def.parameters().isEmpty()) {
            return def.id() + " takes no parameters; remove it.";
        }
        return "Its parameters are " + String.join(", ", def.parameters().keySet()) + ".";
    }

    private static String requiredHint(ParameterDefinition pdef) {
        StringBuilder hint = new StringBuilder("Add \"" + pdef.name() + "\"");
        if (pdef.type() == dev.faultline.core.catalog.ParameterType.DURATION) {
            hint.append(", an ISO-8601 duration such as PT5M");
        } else if (!pdef.enumValues().isEmpty()) {
            hint.append(", one of ").append(String.join(", ", pdef.enumValues()));
        }
        return hint.append(".").toString();
    }

    // ---- targets -------------------------------------------------------------------------

    private static void target(String name, TemplateTarget t, Experiment e, Catalog catalog, JsonPointer at, List<Violation> out) {
        resourceType(name, t, e, catalog, at, out);
        // the actions' target quotas depend on the actions, not on the resource type: checked even when the type is bad
        actionTargetQuota(name, t, e, catalog, at, out);
    }

    private static void resourceType(String name, TemplateTarget t, Experiment e, Catalog catalog, JsonPointer at,
            List<Violation> out) {
        String type = t.resourceType().orElse(null);
        if (type == null) {
            return;
        }
        Optional<ResourceTypeDefinition> def = catalog.resourceType(type);
        if (def.isEmpty()) {
            List<String> known = new ArrayList<>();
            catalog.resourceTypes().forEach(r -> known.add(r.type()));
            List<String> near = Suggestions.nearest(type, known, 1);
            out.add(Violation.error(ViolationCode.TARGET_RESOURCE_TYPE_UNKNOWN, append(at, "resourceType").toString(),
                    "'" + type + "' is not a FIS target resource type.",
                    near.isEmpty() ? "Use a type such as aws:ec2:instance (see docs/catalog.md)." : "Did you mean '" + near.get(0) + "'?"));
            return;
        }
        ResourceTypeDefinition r = def.get();
        if (r.legacy()) {
            out.add(Violation.warning(ViolationCode.TARGET_RESOURCE_TYPE_DEPRECATED, append(at, "resourceType").toString(),
                    type + " is a legacy resource type.", "Use the type the current action takes."));
        }
        identification(name, t, r, e, catalog, at, out);
        for (Map.Entry<String, String> p : t.parameters().entrySet()) {
            JsonPointer path = append(append(at, "parameters"), p.getKey());
            Optional<ParameterDefinition> pdef = r.parameter(p.getKey());
            if (pdef.isEmpty()) {
                List<String> near = Suggestions.nearest(p.getKey(), r.parameters().keySet(), 1);
                out.add(Violation.error(ViolationCode.TARGET_PARAMETER_UNKNOWN, path.toString(), type + " has no target parameter '" + p.getKey() + "'.",
                        !near.isEmpty() ? "Did you mean '" + near.get(0) + "'?" : r.parameters().isEmpty()
                                ? type + " takes no parameters; remove it." : "Its parameters are "
                                + String.join(", ", r.parameters().keySet()) + "."));
            } else {
                ParameterChecks.check(pdef.get(), p.getValue(), append(at, "parameters"), p.getKey(), ParameterCodes.TARGET, out);
            }
        }
        for (ParameterDefinition pdef : r.parameters().values()) {
            if (pdef.required() && !t.parameters().containsKey(pdef.name())) {
                out.add(Violation.error(ViolationCode.TARGET_PARAMETER_MISSING, append(append(at, "parameters"), pdef.name()).toString(),
                        type + " targets require the parameter '" + pdef.name() + "'.", requiredHint(pdef)));
            }
        }
        for (int i = 0; i < t.resourceArns().size(); i++) {
            String arn = t.resourceArns().get(i);
            if (!Placeholders.contains(arn) && arn.startsWith("arn:") && !r.arnFormats().isEmpty() && !r.matchesArn(arn)) {
                out.add(Violation.error(ViolationCode.TARGET_ARN_TYPE_MISMATCH, append(append(at, "resourceArns"), i).toString(),
                        "'" + arn + "' is not the ARN of a " + type + ".",
                        "Use an ARN like arn:aws:" + r.arnService().orElse("…") + ":…:" + r.arnResourcePrefix().orElse("") + "…"));
            }
        }
    }

    private static void identification(String name, TemplateTarget t, ResourceTypeDefinition r, Experiment e, Catalog catalog,
            JsonPointer at, List<Violation> out) {
        Identification id = r.identification();
        String by = r.type();
        for (Action a : e.actions().values()) {
            if (!a.targets().containsValue(name) || a.actionId().isEmpty()) {
                continue;
            }
            Optional<Identification> narrower = catalog.action(a.actionId().get()).flatMap(ActionDefinition::identification);
            if (narrower.isPresent()) {
                id = id.narrowedBy(narrower.get());
                by = a.actionId().get();
            }
        }
        means(!t.resourceArns().isEmpty(), id, Identification.Means.ARNS, "resourceArns", by, at, out);
        means(!t.resourceTags().isEmpty(), id, Identification.Means.TAGS, "resourceTags", by, at, out);
        means(!t.filters().isEmpty(), id, Identification.Means.FILTERS, "filters", by, at, out);
        means(!t.parameters().isEmpty(), id, Identification.Means.PARAMETERS, "parameters", by, at, out);
        int arns = t.resourceArns().size();
        if (id.allows(Identification.Means.ARNS) && arns > 0 && arns < id.minArns()) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, append(at, "resourceArns").toString(),
                    by + " needs at least " + id.minArns() + " resource ARNs.", "Add ARNs."));
        }
        // over the API's own limit is target.too-many-arns, and ARNs where none are allowed is reported above
        if (id.allows(Identification.Means.ARNS) && arns > id.maxArns() && id.maxArns() < ApiRules.MAX_ARNS) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, append(at, "resourceArns").toString(),
                    by + " takes at most " + id.maxArns() + " resource ARN" + (id.maxArns() == 1 ? "" : "s") + ".",
                    "Keep " + id.maxArns() + "."));
        }
        if (id.minArns() > 0 && arns == 0 && !id.allows(Identification.Means.TAGS)) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, at.toString(), by + " needs its resources by ARN.",
                    "Give resourceArns."));
        }
    }

    private static void means(boolean used, Identification id, Identification.Means means, String field, String by,
            JsonPointer at, List<Violation> out) {
        if (used && !id.allows(means)) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISMATCH, append(at, field).toString(),
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
    private static void actionTargetQuota(String name, TemplateTarget t, Experiment e, Catalog catalog, JsonPointer at,
            List<Violation> out) {
        long most = t.resourceArns().isEmpty() ? -1 : t.resourceArns().size();
        Optional<SelectionMode> mode = t.selectionMode();
        if (most < 0 && mode.filter(m -> m.kind() == SelectionMode.Kind.COUNT).isPresent()) {
            most = mode.get().value();
        }
        if (most < 0) {
            return;
        }
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            Action a = entry.getValue();
            if (!a.targets().containsValue(name) || a.actionId().isEmpty()) {
                continue;
            }
            Optional<ActionDefinition> def = catalog.action(a.actionId().get());
            if (def.isPresent() && def.get().targetQuota().isPresent() && most > def.get().targetQuota().getAsInt()) {
                out.add(Violation.warning(ViolationCode.QUOTA_ACTION_TARGETS_TOO_MANY, at.toString(),
                        "Target '" + name + "' can hold " + most + " resources, but " + def.get().id() + " acts on at most "
                                + def.get().targetQuota().getAsInt() + " by default" + def.get().quotaCode().map(c -> " (quota " + c + ")").orElse("") + ".",
                        "Select fewer resources, or raise the quota."));
            }
        }
    }

}
