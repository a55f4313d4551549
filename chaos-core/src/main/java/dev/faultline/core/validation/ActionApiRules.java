package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.nonBlank;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The action section of the API rules: ids, descriptions, parameter names and values, target references and the quota on actions. */
final class ActionApiRules {

    private static final JsonPointer ACTIONS = JsonPointer.parse("/actions");

    private ActionApiRules() {}

    static void actions(Experiment e, List<Violation> out) {
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
            JsonPointer at = append(ACTIONS, entry.getKey());
            ApiRules.name(entry.getKey(), at, "The action name", out);
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
                JsonPointer pat = append(append(at, "parameters"), p.getKey());
                length(p.getKey(), 1, 64, pat, "The parameter name", out);
                length(p.getValue(), 1, 1024, pat, "The parameter value", out);
                nonBlank(p.getValue(), pat, "The parameter value", out);
            }
            for (Map.Entry<String, String> t : a.targets().entrySet()) {
                if (Checks.fits(t.getKey(), 1, 64) && targetNames.contains(t.getValue())) {
                    continue; // the common case: no path to build
                }
                JsonPointer tat = append(append(at, "targets"), t.getKey());
                length(t.getKey(), 1, 64, tat, "The target key", out);
                if (!targetNames.contains(t.getValue())) {
                    List<String> near = Checks.nearestName(t.getValue(), targetNames);
                    out.add(Violation.error(ViolationCode.ACTION_TARGET_UNKNOWN, tat.toString(),
                            "The action refers to target '" + t.getValue() + "', which the template does not define.",
                            near.isEmpty() ? "Define the target under \"targets\", or name one of: "
                                    + Checks.few(targetNames, ", ", 10) + "." : "Did you mean '" + near.get(0) + "'?"));
                }
            }
        }
    }
}
