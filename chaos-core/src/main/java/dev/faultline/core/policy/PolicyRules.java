package dev.faultline.core.policy;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.PlannedAction;
import dev.faultline.core.validation.ValidationContext;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The checks of one {@link SafetyPolicy} on one experiment, each adding {@code policy.*}
 * errors whose message starts with a lead ("The staging policy") and whose hint says how to
 * comply. Accounts and Regions are in {@link AccountRules}.
 */
final class PolicyRules {


    private PolicyRules() {}

    static void check(SafetyPolicy p, Experiment e, ValidationContext context, String lead, List<Violation> out) {
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            target(p, e, entry.getKey(), entry.getValue(), context, lead, out);
        }
        if (p.requireAlarmStopCondition() && !hasAlarm(e, context)) {
            alarmMissing(lead, out);
        }
        if (p.requireHypothesis() && e.hypothesis().isEmpty()) {
            hypothesisMissing(lead, out);
        }
        Duration maxDuration = p.limits().maxDuration(); // no Optional, and no lambda capturing e, context and out
        if (maxDuration != null) {
            duration(e, context, maxDuration, lead, out);
        }
        if (hasActionRules(p)) {
            for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
                action(p, entry.getKey(), entry.getValue(), context, lead, out);
            }
        }
        List<TagPattern> requiredTags = p.requiredTags();
        for (int i = 0; i < requiredTags.size(); i++) {
            tag(requiredTags.get(i), e.tags(), lead, out);
        }
        AccountRules.check(p, e, lead, out);
    }

    private static void alarmMissing(String lead, List<Violation> out) {
        out.add(Violation.error(ViolationCode.POLICY_ALARM_REQUIRED, "/stopConditions", lead + " requires an alarm stop condition, so "
                        + "that FIS stops the experiment when the system degrades; the template has none.",
                "Add {\"source\": \"aws:cloudwatch:alarm\", \"value\": "
                        + "\"arn:aws:cloudwatch:<region>:<account>:alarm:<name>\"} to stopConditions."));
    }

    private static void hypothesisMissing(String lead, List<Violation> out) {
        out.add(Violation.error(ViolationCode.POLICY_HYPOTHESIS_REQUIRED, "/hypothesis", lead + " requires a steady-state hypothesis; "
                        + "the experiment has none.",
                "Add a hypothesis with a metric condition that must hold, such as the 5xx count staying under a threshold."));
    }

    // ---- targets -------------------------------------------------------------------------

    private static void target(SafetyPolicy p, Experiment e, String name, TemplateTarget t, ValidationContext context, String lead,
            List<Violation> out) {
        SelectionMode mode = context.selectionMode(t).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
        if (mode == null) {
            return; // reported by the FIS rules
        }
        OptionalInt maxPercent = mode.kind() == SelectionMode.Kind.PERCENT ? p.maxPercent() : OptionalInt.empty();
        if (maxPercent.isPresent() && mode.value() > maxPercent.getAsInt()) {
            int max = maxPercent.getAsInt();
            out.add(Violation.error(ViolationCode.POLICY_MAX_PERCENT, append(append("/targets", name), "selectionMode"), lead + " allows at most PERCENT(" + max + "), but target '" + name
                    + "' selects " + mode + ".", "Use PERCENT(" + max + ") or less."));
        }
        OptionalInt maxCount = p.maxCount();
        if (maxCount.isPresent()) {
            count(maxCount.getAsInt(), name, t, mode, lead, out);
        }
        if (p.forbidAllOnTagSelectedTargets() && mode.kind() == SelectionMode.Kind.ALL && t.resourceArns().isEmpty()
                && (!t.resourceTags().isEmpty() || !t.filters().isEmpty()) && !Zones.confinedToOneZone(name, t, e)) {
            out.add(Violation.error(ViolationCode.POLICY_ALL_ON_TAGS, append(append("/targets", name), "selectionMode"), lead + " forbids ALL on a target chosen by tags or filters, which "
                            + "takes every matching resource however many there are; target '" + name + "' selects ALL.",
                    "Use PERCENT(n) or COUNT(n), or confine the target to one Availability Zone with a "
                            + "Placement.AvailabilityZone filter or an availabilityZoneIdentifier parameter."));
        }
    }

    private static void count(int max, String name, TemplateTarget t, SelectionMode mode, String lead, List<Violation> out) {
        if (mode.kind() == SelectionMode.Kind.COUNT && mode.value() > max) {
            out.add(Violation.error(ViolationCode.POLICY_MAX_COUNT, append(append("/targets", name), "selectionMode"), lead + " allows at most " + max
                    + " resources per target, but target '" + name + "' selects " + mode + ".",
                    "Use COUNT(" + max + ") or less."));
            return;
        }
        int arns = t.resourceArns().size();
        long chosen = mode.isValid() ? mode.chosenOf(arns) : arns;
        if (chosen > max) {
            out.add(Violation.error(ViolationCode.POLICY_MAX_COUNT, append(append("/targets", name), "resourceArns"), lead + " allows at most " + max
                    + " resources per target, but target '" + name + "' selects " + chosen + " of its " + arns + " ARNs.",
                    "List at most " + max + " ARNs, or select COUNT(" + max + ")."));
        }
    }

    // ---- duration ------------------------------------------------------------------------

    private static void duration(Experiment e, ValidationContext context, Duration max, String lead, List<Violation> out) {
        if (e.actions().isEmpty() || context.durationBoundWithin(e, max)) {
            return; // the sum of the actions' durations bounds the total: no plan needed
        }
        ExperimentPlan plan = context.plan(e);
        if (plan.totalDuration().compareTo(max) <= 0) {
            return;
        }
        String last = plan.actions().stream().filter(a -> a.end().equals(plan.totalDuration()))
                .map(PlannedAction::name).reduce((a, b) -> b).orElse("?");
        out.add(Violation.error(ViolationCode.POLICY_MAX_DURATION, "/actions", lead + " allows experiments of at most " + format(max)
                        + ", but this one lasts " + format(plan.totalDuration()) + " (until action '" + last + "' ends).",
                "Shorten the actions' durations to end within " + format(max) + ", or split the experiment."));
    }

    static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    // ---- actions -------------------------------------------------------------------------

    /** Tells whether any action rule is on: with none, an action cannot break the policy. */
    private static boolean hasActionRules(SafetyPolicy p) {
        return !p.allowedActions().isEmpty() || !p.forbiddenActions().isEmpty() || p.forbidIrreversibleActions();
    }

    /**
     * The action rules. An action id that breaks several of them (forbidden, irreversible, not
     * allowed) is one fault at one path: it gets one error, the most specific (the forbidding
     * pattern, then irreversibility, then the allow-list), whose hint also names the allowed
     * actions when the id is not among them.
     */
    private static void action(SafetyPolicy p, String name, Action a, ValidationContext context, String lead,
            List<Violation> out) {
        String id = context.actionId(a).orElse(null);
        if (id == null) {
            return; // reported by the FIS rules
        }
        boolean notAllowed = !p.allowedActions().isEmpty() && Glob.firstMatch(p.allowedActions(), id) == null;
        String allowedHint = notAllowed ? " The policy allows only " + String.join(", ", p.allowedActions()) + "." : "";
        String forbidden = Glob.firstMatch(p.forbiddenActions(), id);
        if (forbidden != null) {
            out.add(Violation.error(ViolationCode.POLICY_ACTION_FORBIDDEN, idPath(name), lead + " forbids actions matching '" + forbidden + "'; action '"
                            + name + "' is " + id + ".",
                    "Remove the action, or use one the policy does not forbid." + allowedHint));
        }
        boolean reported = forbidden != null;
        if (p.forbidIrreversibleActions()) {
            reported |= reversible(name, a, id, context, lead, reported, allowedHint, out);
        }
        if (notAllowed && !reported) {
            out.add(Violation.error(ViolationCode.POLICY_ACTION_NOT_ALLOWED, idPath(name), lead + " allows only actions matching "
                            + String.join(", ", p.allowedActions()) + "; action '" + name + "' is " + id + ".",
                    "Use an allowed action, or run the experiment under a policy that allows " + id + "."));
        }
    }

    /** The path of an action's id, built only for a violation. */
    private static String idPath(String action) {
        return append(append("/actions", action), "actionId");
    }

    /**
     * Reports an irreversible action: at its undoing parameter when one makes it reversible, else at
     * its id unless an error is already there ({@code idReported}).
     *
     * @return whether an error was added at the action's id
     */
    private static boolean reversible(String name, Action a, String id, ValidationContext context, String lead,
            boolean idReported, String allowedHint, List<Violation> out) {
        Optional<ActionDefinition> def = context.catalog().action(id);
        if (def.isEmpty()) {
            out.add(Violation.warning(ViolationCode.POLICY_REVERSIBILITY_UNKNOWN, append(append("/actions", name), "actionId"), lead + " forbids irreversible "
                            + "actions, but " + id + " is not in the catalog, so whether it is reversible is unknown.",
                    "Check what the action does; list it in forbiddenActions if it cannot be undone."));
            return false;
        }
        ActionDefinition d = def.get();
        if (d.reversibleWith(a.parameters().keySet())) {
            return false;
        }
        if (d.reversible() && d.reversibleOnlyWith().isPresent()) {
            String parameter = d.reversibleOnlyWith().get();
            out.add(Violation.error(ViolationCode.POLICY_IRREVERSIBLE_ACTION, append(append(append("/actions", name), "parameters"), parameter), lead + " forbids "
                            + "irreversible actions; action '" + name + "' (" + id + ") is undone only when parameter "
                            + parameter + " is set.",
                    "Set " + parameter + " so that FIS undoes the action, for example \"" + parameter + "\": \"PT5M\"."));
            return false;
        }
        if (idReported) {
            return false;
        }
        out.add(Violation.error(ViolationCode.POLICY_IRREVERSIBLE_ACTION, append(append("/actions", name), "actionId"), lead + " forbids irreversible actions; "
                        + "action '" + name + "' (" + id + ") cannot be undone when the experiment ends or is stopped.",
                "Use a reversible action, one whose fault FIS lifts when its duration ends, or run it under a "
                        + "policy that allows irreversible actions." + allowedHint));
        return true;
    }

    // ---- tags ----------------------------------------------------------------------------

    private static void tag(TagPattern required, Map<String, String> tags, String lead, List<Violation> out) {
        String value = tags.get(required.key());
        if (value != null && required.accepts(value)) {
            return;
        }
        String at = append("/tags", required.key());
        String values = String.join(", ", required.values());
        if (value == null) {
            out.add(Violation.error(ViolationCode.POLICY_TAG_REQUIRED, at, lead + " requires the template tag '" + required.key()
                            + "'; the template does not have it.",
                    required.acceptsAnyValue() ? "Add \"" + required.key() + "\": \"<value>\" to the template's tags."
                            : "Add the tag " + required.key() + " with one of: " + values + "."));
        } else if (!required.accepts(value)) {
            out.add(Violation.error(ViolationCode.POLICY_TAG_REQUIRED, at, lead + " requires the template tag '" + required.key()
                            + "' to match " + values + "; it is '" + value + "'.",
                    "Set " + required.key() + " to one of: " + values + "."));
        }
    }

    /** Tells whether a stop condition watches an alarm ({@link StopCondition#isAlarm()}, without its Optional and lambda). */
    private static boolean hasAlarm(Experiment e, ValidationContext context) {
        List<StopCondition> conditions = e.stopConditions();
        for (int i = 0; i < conditions.size(); i++) {
            if (StopCondition.SOURCE_ALARM.equals(context.source(conditions.get(i)).orElse(null))) {
                return true;
            }
        }
        return false;
    }
}
