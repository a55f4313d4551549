package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.Durations;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.PlannedAction;
import java.time.Duration;
import java.util.List;

/**
 * The run-time quotas FIS enforces, checked on the plan: at most 10 actions in parallel
 * (L-EB051440), an experiment of at most 12 hours (L-6C1E4427) and actions of at most 12 hours
 * (L-A7622DAA). The plan is built only when the number of actions and the sum of their
 * durations do not already prove all three, and never for a template with more than 20 actions:
 * {@code quota.actions-too-many} has already failed it, and no schedule of it can run.
 */
final class QuotaRules implements ValidationRule {

    static final int MAX_PARALLEL_ACTIONS = 10;
    static final Duration MAX_DURATION = Duration.ofHours(12);

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        if (e.actions().isEmpty() || e.actions().size() > ApiRules.MAX_ACTIONS) {
            // over 20 actions FIS refuses the template (quota.actions-too-many): its run-time
            // quotas cannot matter, and a hostile template of 50,000 actions is not planned
            return;
        }
        if (e.actions().size() <= MAX_PARALLEL_ACTIONS && context.durationBoundWithin(e, MAX_DURATION)) {
            // no more actions than may run at once, and their durations together within the limit:
            // neither the peak, nor the total, nor any one action can break a quota
            return;
        }
        ExperimentPlan plan;
        try {
            plan = context.plan(e);
        } catch (ArithmeticException overflow) {
            // the plan adds durations; a sum past java.time.Duration's range is far beyond 12 hours
            out.add(Violation.error(ViolationCode.QUOTA_DURATION_TOO_LONG, "/actions",
                    "The experiment lasts longer than can be counted; FIS allows at most 12 hours (quota L-6C1E4427).",
                    "Shorten the actions' durations or split the experiment."));
            return;
        }
        if (plan.peakParallelism() > MAX_PARALLEL_ACTIONS) {
            out.add(Violation.error(ViolationCode.QUOTA_PARALLEL_ACTIONS_TOO_MANY, "/actions",
                    plan.peakParallelism() + " actions run at once (" + String.join(", ", plan.peakActions())
                            + "); FIS allows at most " + MAX_PARALLEL_ACTIONS + " (quota L-EB051440).",
                    "Chain some of them with startAfter."));
        }
        // one fault, one error: an action over 12 hours is reported once, by the catalog's range
        // when the catalog caps its duration at 12 hours or less, else here; and the total only
        // when it is too long even with every such action cut to 12 hours
        Duration excess = Duration.ZERO;
        for (PlannedAction a : plan.actions()) {
            if (a.duration().compareTo(MAX_DURATION) > 0 && a.durationParameter().isPresent()) {
                excess = excess.plus(a.duration().minus(MAX_DURATION));
                if (!rangeReported(a, context)) {
                    out.add(Violation.error(ViolationCode.QUOTA_ACTION_DURATION_TOO_LONG,
                            append(append(append("/actions", a.name()), "parameters"), a.durationParameter().get()),
                            "The action lasts " + Durations.format(a.duration())
                                    + "; FIS allows at most 12 hours per action (quota L-A7622DAA).",
                            "Use PT12H or less."));
                }
            }
        }
        if (plan.totalDuration().minus(excess).compareTo(MAX_DURATION) > 0) {
            out.add(Violation.error(ViolationCode.QUOTA_DURATION_TOO_LONG, "/actions",
                    "The experiment lasts " + Durations.format(plan.totalDuration()) + "; FIS allows at most 12 hours (quota L-6C1E4427).",
                    "Shorten the actions' durations or split the experiment."));
        }
    }

    /** Tells whether the catalog rules already report the action's duration as out of range (their maximum is 12 hours or less). */
    private static boolean rangeReported(PlannedAction a, ValidationContext context) {
        return context.catalog().action(a.actionId()).flatMap(d -> d.parameter(a.durationParameter().get()))
                .flatMap(ParameterDefinition::durationMax).filter(max -> max.compareTo(MAX_DURATION) <= 0).isPresent();
    }
}
