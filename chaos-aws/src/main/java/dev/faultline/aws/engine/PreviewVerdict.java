package dev.faultline.aws.engine;

import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.fis.model.ExperimentError;
import software.amazon.awssdk.services.fis.model.ExperimentState;

/**
 * What a target preview's end means for the run: every target resolved (passed), some resolved
 * nothing (failed, or a warning under {@code emptyTargetResolutionMode=skip}), or the preview
 * did not complete (failed, with the cause in words and what to fix).
 */
final class PreviewVerdict {

    private static final String FIX = "check the target's resource tags, filters, selection mode and resource ARNs"
            + " (the resources must exist in this account and Region and match them)";

    private PreviewVerdict() {}

    /**
     * The check of a preview that completed, from the resources each target resolved.
     *
     * @param experiment the experiment
     * @param resolved the resource ARNs per target name
     * @return the result
     */
    static TargetPreview.Result judgeResolved(Experiment experiment, Map<String, List<String>> resolved) {
        List<String> empty = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        resolved.forEach((name, arns) -> {
            if (arns.isEmpty()) {
                empty.add(name);
            } else {
                counts.add(name + " -> " + arns.size() + " resource(s)");
            }
        });
        if (empty.isEmpty()) {
            return new TargetPreview.Result(PreflightCheck.passed(PreflightCheck.TARGETS, resolved.size() + " target(s) resolved: "
                    + String.join(", ", counts)), resolved);
        }
        String names = "target(s) " + String.join(", ", empty.stream().map(n -> "\"" + n + "\"").toList());
        if (skipsEmpty(experiment)) {
            return new TargetPreview.Result(PreflightRunner.warning(PreflightCheck.TARGETS, names + " resolved no resources:"
                    + " the actions on them would be skipped (emptyTargetResolutionMode=skip); if they should"
                    + " affect resources, " + FIX + (counts.isEmpty() ? "" : "; resolved: " + String.join(", ", counts))),
                    resolved);
        }
        return new TargetPreview.Result(PreflightCheck.failed(PreflightCheck.TARGETS, names + " resolved no resources: the run"
                + " would fail with InvalidTarget; fix: " + FIX), resolved);
    }

    /**
     * Why a preview that did not complete failed, and what to fix.
     *
     * @param experiment the experiment
     * @param e the preview experiment as the service last described it
     * @return the message
     */
    static String failure(Experiment experiment, software.amazon.awssdk.services.fis.model.Experiment e) {
        ExperimentState state = e.state();
        String status = TargetPreview.status(e);
        String reason = state == null || state.reason() == null ? "no reason given" : state.reason();
        ExperimentError error = state == null ? null : state.error();
        String code = error == null ? null : error.code();
        String location = error == null ? null : error.location();
        if ("cancelled".equals(status)) {
            return "the skip-all preview " + e.id() + " was cancelled (" + reason + "); is the FIS safety lever"
                    + " engaged? A run would be cancelled too";
        }
        if ("stopped".equals(status)) {
            return "the skip-all preview " + e.id() + " was stopped (" + reason + ")";
        }
        String target = targetNamed(experiment, location, reason);
        if ("InvalidTarget".equals(code) || "TargetResolutionFailed".equals(code)
                || (code == null && target != null)) {
            return "TargetResolutionFailed: " + (target == null ? "the targets" : "target \"" + target + "\"")
                    + " did not resolve (" + (code == null ? "" : code + ": ") + reason + "); the run would fail"
                    + " before any action. Fix: " + FIX + ", or set emptyTargetResolutionMode=skip if an empty"
                    + " target is acceptable";
        }
        if ("AuthorizationFailure".equals(code)) {
            return "the skip-all preview failed with AuthorizationFailure" + at(location) + " (" + reason
                    + "): the role cannot resolve the targets; attach the policy `faultline iam FILE` prints";
        }
        return "the skip-all preview " + e.id() + " ended " + status + (code == null ? "" : " with " + code)
                + at(location) + " (" + reason + ")";
    }

    private static String at(String location) {
        return location == null || location.isEmpty() ? "" : " at " + location;
    }

    /** The target a failure names: its location if that is a target, else the first target quoted in the reason. */
    private static String targetNamed(Experiment experiment, String location, String reason) {
        if (location != null && experiment.targets().containsKey(location)) {
            return location;
        }
        for (String name : experiment.targets().keySet()) {
            if (reason != null && reason.contains("\"" + name + "\"")) {
                return name;
            }
        }
        return null;
    }

    private static boolean skipsEmpty(Experiment experiment) {
        return experiment.experimentOptions().flatMap(ExperimentOptions::emptyTargetResolutionMode)
                .map(m -> m == EmptyTargetResolutionMode.SKIP).orElse(false);
    }
}
