package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterCondition;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.catalog.TargetKeyDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The action catalog's rules: known action ids, target keys and the resource types they take,
 * parameter names, required parameters, types, ranges and enumerations, duration ranges,
 * resource-type parameters and how each resource type may be identified (the targets' half is
 * {@link CatalogTargetRules}), and the parameters of the {@code AWSFIS-Run-*} SSM documents.
 *
 * <p>Each check walks a clean template in a small method and hands what is wrong to a separate
 * method that words it and builds its path: the walks stay small enough for the JIT to inline,
 * and a clean template costs no path and no message.
 */
final class CatalogRules implements ValidationRule {

    static final JsonPointer ACTIONS = JsonPointer.parse("/actions");

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        Catalog catalog = context.catalog();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            Action a = entry.getValue();
            String id = context.actionId(a).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
            if (id == null) {
                continue;
            }
            ActionDefinition def = context.actionDefinition(a).orElse(null);
            if (def == null) {
                unknownAction(entry.getKey(), id, catalog, out);
                continue;
            }
            action(entry.getKey(), a, def, e, context, out);
        }
        CatalogTargetRules.targets(e, context, out);
    }

    private static void unknownAction(String name, String id, Catalog catalog, List<Violation> out) {
        List<String> near = Suggestions.nearest(id, catalog.actionIds(), 1);
        out.add(Violation.error(ViolationCode.ACTION_ID_UNKNOWN, append(ACTIONS.child(name), "actionId").toString(),
                "'" + id + "' is not an action of the catalog; FIS rejects it (ResourceNotFoundException).",
                near.isEmpty() ? "Check the id against FIS's ListActions; an action newer than the catalog can be added"
                        + " with a catalog overlay file (docs/catalog.md)."
                        : "Did you mean '" + near.get(0) + "'?"));
    }

    // ---- actions -------------------------------------------------------------------------

    private static void action(String name, Action a, ActionDefinition def, Experiment e, ValidationContext context,
            List<Violation> out) {
        if (def.deprecated()) {
            out.add(Violation.warning(ViolationCode.ACTION_ID_DEPRECATED, append(ACTIONS.child(name), "actionId").toString(),
                    def.id() + " is a legacy action.",
                    def.replacedBy().map(r -> "Use " + r + " instead.").orElse("Use its replacement.")));
        }
        targetKeys(name, a, def, e, context, out);
        parameters(name, a, def, context.catalog(), out);
    }

    /** The action's targets against the keys its definition takes; a key that fits costs one map lookup. */
    private static void targetKeys(String name, Action a, ActionDefinition def, Experiment e, ValidationContext context,
            List<Violation> out) {
        Map<String, TargetKeyDefinition> keys = def.targets();
        Map<String, String> targets = a.targets();
        if (keys.isEmpty() || targets.isEmpty()) {
            targetsAbsent(name, targets, def, out);
            return;
        }
        for (Map.Entry<String, String> t : targets.entrySet()) {
            TargetKeyDefinition key = keys.get(t.getKey());
            TemplateTarget target = e.targets().get(t.getValue());
            String type = target == null ? null : context.resourceType(target).orElse(null);
            if (key == null || type != null && !key.accepts(type)) {
                targetKey(name, t.getKey(), t.getValue(), type, key, def, out);
            }
        }
    }

    /** Reports an action with targets where its definition takes none, or none where it needs one. */
    private static void targetsAbsent(String name, Map<String, String> targets, ActionDefinition def, List<Violation> out) {
        Map<String, TargetKeyDefinition> keys = def.targets();
        if (keys.isEmpty()) {
            if (!targets.isEmpty()) {
                out.add(Violation.error(ViolationCode.ACTION_TARGETS_MISSING, append(ACTIONS.child(name), "targets").toString(),
                        def.id() + " takes no targets.", "Remove its targets."));
            }
            return;
        }
        TargetKeyDefinition key = keys.values().iterator().next();
        out.add(Violation.error(ViolationCode.ACTION_TARGET_KEY_MISSING, append(ACTIONS.child(name), "targets").toString(),
                def.id() + " needs a target under the key '" + key.key() + "'.",
                "Add \"targets\": {\"" + key.key() + "\": \"<target name>\"} with a target of type "
                        + String.join(" or ", key.resourceTypes()) + "."));
    }

    /** Reports a target key the action does not take ({@code key} null), or a target of a type its key does not take. */
    private static void targetKey(String name, String keyName, String targetName, String type, TargetKeyDefinition key,
            ActionDefinition def, List<Violation> out) {
        Map<String, TargetKeyDefinition> keys = def.targets();
        String tat = append(append(ACTIONS.child(name), "targets"), keyName).toString();
        if (key == null) {
            String right = (type == null ? Optional.<String>empty() : def.targetKeyFor(type)).orElse(keys.keySet().iterator().next());
            out.add(Violation.error(ViolationCode.ACTION_TARGET_KEY_UNKNOWN, tat,
                    "Unexpected target \"" + keyName + "\" found in action; " + def.id()
                            + " takes its targets under " + String.join(", ", keys.keySet()) + ".",
                    "Use the key '" + right + "'."));
            if (type != null && def.targetKeyFor(type).isEmpty()) {
                // a misspelt key does not hide a target no key of the action takes
                out.add(Violation.error(ViolationCode.ACTION_TARGET_TYPE_MISMATCH, tat,
                        "Target '" + targetName + "' has resource type " + type + ", but " + def.id()
                                + " takes no target of that type.",
                        "Point '" + right + "' at a target of type " + String.join(" or ", keys.get(right).resourceTypes()) + "."));
            }
            return;
        }
        out.add(Violation.error(ViolationCode.ACTION_TARGET_TYPE_MISMATCH, tat,
                "Target '" + targetName + "' has resource type " + type + ", but " + def.id()
                        + " takes " + String.join(" or ", key.resourceTypes()) + " under '" + key.key() + "'.",
                "Point '" + key.key() + "' at a target of type " + String.join(" or ", key.resourceTypes()) + "."));
    }

    /** The action's parameters against its definition's, then the parameters it lacks. */
    private static void parameters(String name, Action a, ActionDefinition def, Catalog catalog, List<Violation> out) {
        Map<String, String> given = a.parameters();
        Map<String, ParameterDefinition> defined = def.parameters();
        for (Map.Entry<String, String> p : given.entrySet()) {
            ParameterDefinition pdef = defined.get(p.getKey());
            if (pdef == null) {
                unknownParameter(name, p.getKey(), def, out);
                continue;
            }
            ParameterChecks.check(pdef, p.getValue(), ACTIONS, name, p.getKey(), ParameterCodes.ACTION, out);
            String with = pdef.appliesOnlyWith().orElse(null);
            if (with != null && !given.containsKey(with)) {
                ineffective(name, p.getKey(), with, def, out);
            }
        }
        List<ParameterDefinition> requirable = def.requirableParameters(); // the others are never missing
        for (int i = 0; i < requirable.size(); i++) {
            ParameterDefinition pdef = requirable.get(i);
            if (!given.containsKey(pdef.name()) && (pdef.required() || requiredNow(pdef, a))) {
                missingParameter(name, pdef, def, out);
            }
        }
        if (isDocumentAction(def)) {
            DocumentParameterRules.check(a, catalog, append(ACTIONS.child(name), "parameters"), out);
        }
    }

    private static void ineffective(String name, String parameter, String with, ActionDefinition def, List<Violation> out) {
        out.add(Violation.warning(ViolationCode.PARAMETER_INEFFECTIVE, parameterPath(name, parameter),
                def.id() + " ignores '" + parameter + "' unless '" + with + "' is set.",
                "Set '" + with + "', or remove '" + parameter + "'."));
    }

    private static String parameterPath(String action, String parameter) {
        return append(append(ACTIONS.child(action), "parameters"), parameter).toString();
    }

    private static void unknownParameter(String name, String parameter, ActionDefinition def, List<Violation> out) {
        out.add(Violation.error(ViolationCode.PARAMETER_UNKNOWN, parameterPath(name, parameter),
                def.id() + " has no parameter '" + parameter + "'.", unknownParameterHint(parameter, def)));
    }

    private static void missingParameter(String name, ParameterDefinition pdef, ActionDefinition def, List<Violation> out) {
        if (pdef.required()) {
            out.add(Violation.error(ViolationCode.PARAMETER_MISSING, parameterPath(name, pdef.name()),
                    def.id() + " requires the parameter '" + pdef.name() + "'.", requiredHint(pdef)));
        } else {
            out.add(Violation.error(ViolationCode.PARAMETER_MISSING, parameterPath(name, pdef.name()),
                    def.id() + " requires '" + pdef.name() + "' " + pdef.requiredWhen().get().description() + ".",
                    requiredHint(pdef)));
        }
    }

    /** Tells whether the action runs an SSM document, whose {@code documentParameters} are checked too. */
    private static boolean isDocumentAction(ActionDefinition def) {
        return "aws:ssm:send-command".equals(def.id()) || "aws:ssm:start-automation-execution".equals(def.id());
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

    static String requiredHint(ParameterDefinition pdef) {
        StringBuilder hint = new StringBuilder("Add \"" + pdef.name() + "\"");
        if (pdef.type() == dev.faultline.core.catalog.ParameterType.DURATION) {
            hint.append(", an ISO-8601 duration such as PT5M");
        } else if (!pdef.enumValues().isEmpty()) {
            hint.append(", one of ").append(String.join(", ", pdef.enumValues()));
        }
        return hint.append(".").toString();
    }
}
