package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.nonBlank;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The action section of the API rules: ids, descriptions, parameter names and values, target references and the quota on actions. */
final class ActionApiRules {

    private static final JsonPointer ACTIONS = JsonPointer.parse("/actions");

    private ActionApiRules() {}

    static void actions(Experiment e, ValidationContext context, List<Violation> out) {
        if (e.actions().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, "/actions", "The template has no action.",
                    "Add at least one action; FIS needs one or more."));
            return;
        }
        if (e.actions().size() > ApiRules.MAX_ACTIONS) {
            out.add(Violation.error(ViolationCode.QUOTA_ACTIONS_TOO_MANY, "/actions",
                    "The template has " + e.actions().size() + " actions; FIS allows at most " + ApiRules.MAX_ACTIONS
                            + " (quota L-0BFE6B67, not adjustable).",
                    "Split the experiment into several templates."));
        }
        Set<String> targetNames = e.targets().keySet();
        for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
            action(entry.getKey(), entry.getValue(), targetNames, context, out);
        }
    }

    /** One action; its path is built only for a violation. */
    private static void action(String name, Action a, Set<String> targetNames, ValidationContext context, List<Violation> out) {
        if (!ApiRules.nameFits(name)) {
            ApiRules.name(name, ACTIONS.child(name), "The action name", out);
        }
        String id = context.actionId(a).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
        if (id == null) {
            required(Optional.empty(), ACTIONS.child(name), "actionId", "The action id",
                    "Set \"actionId\", for example \"aws:ec2:stop-instances\".", out);
        } else if (!Checks.fits(id, 1, 128)) {
            length(id, 1, 128, ACTIONS.child(name), "actionId", "The action id", out);
        }
        String description = a.description().orElse(null);
        if (!Checks.fits(description, 0, 512)) {
            length(description, 0, 512, ACTIONS.child(name), "description", "The action description", out);
        }
        parameters(name, a.parameters(), out);
        for (Map.Entry<String, String> t : a.targets().entrySet()) {
            if (Checks.fits(t.getKey(), 1, 64) && targetNames.contains(t.getValue())) {
                continue; // the common case: no path to build
            }
            targetReference(name, t.getKey(), t.getValue(), targetNames, out);
        }
    }

    /** The action's parameter names and values: lengths, and values that are only whitespace. */
    private static void parameters(String name, Map<String, String> parameters, List<Violation> out) {
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            if (Checks.fits(p.getKey(), 1, 64) && Checks.fits(p.getValue(), 1, 1024)
                    && (p.getValue().isEmpty() || Checks.hasNonBlank(p.getValue()))) {
                continue; // the common case: no path to build
            }
            JsonPointer pat = append(append(ACTIONS.child(name), "parameters"), p.getKey());
            length(p.getKey(), 1, 64, pat, "The parameter name", out);
            length(p.getValue(), 1, 1024, pat, "The parameter value", out);
            nonBlank(p.getValue(), pat, "The parameter value", out);
        }
    }

    private static void targetReference(String name, String key, String target, Set<String> targetNames, List<Violation> out) {
        JsonPointer tat = append(append(ACTIONS.child(name), "targets"), key);
        length(key, 1, 64, tat, "The target key", out);
        if (!targetNames.contains(target)) {
            List<String> near = Checks.nearestName(target, targetNames);
            out.add(Violation.error(ViolationCode.ACTION_TARGET_UNKNOWN, tat.toString(),
                    "The action refers to target '" + target + "', which the template does not define.",
                    near.isEmpty() ? "Define the target under \"targets\", or name one of: "
                            + Checks.few(targetNames, ", ", 10) + "." : "Did you mean '" + near.get(0) + "'?"));
        }
    }
}
