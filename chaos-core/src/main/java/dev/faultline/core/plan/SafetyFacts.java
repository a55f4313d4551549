package dev.faultline.core.plan;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes the facts a safety reviewer wants about an experiment's blast radius, most important first. */
final class SafetyFacts {

    private SafetyFacts() {}

    static List<String> of(Experiment e, List<TargetImpact> targets, Map<String, String> irreversible) {
        List<String> out = new ArrayList<>();
        stopConditions(e, out);
        irreversible(e, targets, irreversible, out);
        for (TargetImpact t : targets) {
            everyResource(t, out);
            noResource(e, t, out);
        }
        sharedResources(e, targets, out);
        e.actions().forEach((action, a) -> a.targets().forEach((key, target) -> {
            if (!e.targets().containsKey(target)) {
                out.add("Action " + action + " names target " + target + " under " + key
                        + ", which the template does not define.");
            }
        }));
        targets.stream().filter(t -> !t.used()).forEach(t -> out.add("Target " + t.name() + " is used by no action."));
        multiAccount(e, out);
        return List.copyOf(out);
    }

    private static void stopConditions(Experiment e, List<String> out) {
        long alarms = e.stopConditions().stream()
                .filter(c -> c.source().filter(StopCondition.SOURCE_ALARM::equals).isPresent())
                .count();
        if (alarms == 0) {
            out.add("No stop condition: no CloudWatch alarm can stop the experiment early.");
        } else {
            out.add("Stops early when " + (alarms == 1 ? "its CloudWatch alarm goes" : "one of its " + alarms
                    + " CloudWatch alarms goes") + " into ALARM.");
        }
    }

    private static void irreversible(Experiment e, List<TargetImpact> targets, Map<String, String> irreversible,
            List<String> out) {
        Set<String> named = new HashSet<>();
        for (TargetImpact t : targets) {
            for (ActionHit hit : t.irreversibleActions()) {
                named.add(hit.name());
                out.add("Irreversible: " + hit.name() + " on target " + t.name() + " (" + t.describeWorstCase()
                        + "): " + hit.irreversibleReason().orElse("") + ".");
            }
        }
        irreversible.forEach((action, reason) -> {
            if (!named.contains(action) && e.actions().get(action).targets().isEmpty()) {
                out.add("Irreversible: " + action + " names no target, so what it touches is decided outside"
                        + " the template: " + reason + ".");
            }
        });
    }

    private static void everyResource(TargetImpact t, List<String> out) {
        if (t.used() && t.worstCase().kind() == Share.Kind.ALL) {
            String matched = t.matchedCount().isPresent() ? ", " + t.matchedCount().getAsLong() + " matched" : "";
            out.add("Target " + t.name() + " chooses every matching " + t.resourceType().orElse("resource")
                    + " (ALL, " + t.chosenBy() + matched + ").");
        }
    }

    private static void noResource(Experiment e, TargetImpact t, List<String> out) {
        if (!t.used() || t.chosenCount().orElse(1) != 0) {
            return;
        }
        boolean skip = e.experimentOptions().flatMap(ExperimentOptions::emptyTargetResolutionMode)
                .filter(EmptyTargetResolutionMode.SKIP::equals).isPresent();
        String of = t.matchedCount().isPresent() ? t.matchedCount().getAsLong() + " matched"
                : t.chosenBy();
        out.add("Target " + t.name() + " chooses no resource (" + t.selectionMode().map(Object::toString).orElse("")
                + " of " + of + "): " + (skip
                        ? "its actions are skipped (emptyTargetResolutionMode skip)."
                        : "the experiment fails (emptyTargetResolutionMode fail)."));
    }

    private static void sharedResources(Experiment e, List<TargetImpact> targets, List<String> out) {
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                TargetImpact a = targets.get(i);
                TargetImpact b = targets.get(j);
                if (a.used() && b.used() && a.resourceType().isPresent()
                        && a.resourceType().equals(b.resourceType()) && mayOverlap(e, a, b)) {
                    out.add("Targets " + a.name() + " and " + b.name() + " both choose " + a.resourceType().get()
                            + " resources; one resource can be hit through both.");
                }
            }
        }
    }

    /** False only when both targets list ARNs and no ARN is in both. */
    private static boolean mayOverlap(Experiment e, TargetImpact a, TargetImpact b) {
        TemplateTarget ta = e.targets().get(a.name());
        TemplateTarget tb = e.targets().get(b.name());
        if (ta.resourceArns().isEmpty() || tb.resourceArns().isEmpty()) {
            return true;
        }
        return ta.resourceArns().stream().anyMatch(tb.resourceArns()::contains);
    }

    private static void multiAccount(Experiment e, List<String> out) {
        boolean multi = e.experimentOptions().flatMap(ExperimentOptions::accountTargeting)
                .filter(AccountTargeting.MULTI_ACCOUNT::equals).isPresent();
        if (multi) {
            int accounts = e.targetAccountConfigurations().size();
            out.add("Multi-account: targets resolve in " + (accounts == 0
                    ? "the target accounts configured for the template"
                    : accounts + (accounts == 1 ? " target account" : " target accounts")) + ".");
        }
    }
}
