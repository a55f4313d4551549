package dev.faultline.testkit;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.PlannedAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One experiment: its state machine (pending → initiating → running → completed, or stopping
 * → stopped, failed, cancelled), its actions in startAfter order for their durations, and
 * their effects. Driven by {@link #advance}, which replays everything due up to a time, so the
 * outcome depends on simulated time only. Guarded by the engine's lock.
 */
final class ExperimentRun {

    /** How long the pending, initiating and stopping phases last, in simulated time. */
    static final Duration PHASE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRun.class);
    private static final Set<String> TERMINAL = Set.of("completed", "stopped", "failed", "cancelled");

    final String id;
    final String arn;
    final String templateId;
    final Experiment template;
    final boolean skipAll;
    final Map<String, String> tags;
    final Instant creationTime;
    /** When the run was created, in wall-clock nanoseconds ({@link System#nanoTime()}). */
    final long createdNanos = System.nanoTime();
    final long seed;
    final Map<String, ActionRun> actions = new LinkedHashMap<>();
    /** The template's target account configurations when the experiment started. */
    final List<StoredTemplate.TargetAccount> accounts = new ArrayList<>();
    final Map<String, List<SimResource>> resolved = new LinkedHashMap<>();
    String status = "pending";
    String reason = "Experiment is pending.";
    String errorCode;
    String errorLocation;
    Instant startTime;
    Instant endTime;
    private Instant phaseAt;
    private Instant stopAt;
    private Map<String, String> failing = Map.of();
    /** Whether per-action target quotas apply, as configured when the experiment started. */
    boolean quotas;

    ExperimentRun(String id, String arn, String templateId, Experiment template, boolean skipAll,
            Map<String, String> tags, Instant now, long seed) {
        this.id = id;
        this.arn = arn;
        this.templateId = templateId;
        this.template = template;
        this.skipAll = skipAll;
        this.tags = new LinkedHashMap<>(tags);
        this.creationTime = now;
        this.phaseAt = now;
        this.seed = seed;
        ExperimentPlan plan = ExperimentPlan.of(template);
        for (Map.Entry<String, Action> e : template.actions().entrySet()) {
            Duration d = plan.action(e.getKey()).map(PlannedAction::duration).orElse(Duration.ZERO);
            actions.put(e.getKey(), new ActionRun(e.getKey(), e.getValue(), d));
        }
    }

    boolean started() {
        return !"pending".equals(status) && !"initiating".equals(status);
    }

    boolean terminal() {
        return TERMINAL.contains(status);
    }

    /** Ends the run at once as cancelled (the safety lever was engaged when it was started). */
    void cancel(Instant now, String why) {
        for (ActionRun a : actions.values()) {
            if (!a.done()) {
                a.status = "cancelled";
                a.reason = why;
            }
        }
        finish("cancelled", now, why);
    }

    /** Ends the run at once as failed, for a reason outside the experiment (a clock that never moves). */
    void failNow(Instant now, String why) {
        for (ActionRun a : actions.values()) {
            if (!a.done()) {
                a.status = "cancelled";
                a.reason = why;
            }
        }
        finish("failed", now, why);
    }

    /**
     * Asks the run to stop: running actions go to stopping, pending ones are cancelled; one
     * phase later the run is stopped.
     */
    void requestStop(Instant now, String why) {
        if (terminal() || "stopping".equals(status)) {
            return;
        }
        status = "stopping";
        reason = why;
        stopAt = now;
        for (ActionRun a : actions.values()) {
            if ("running".equals(a.status)) {
                a.status = "stopping";
                a.reason = why;
            } else if ("pending".equals(a.status)) {
                a.status = "cancelled";
                a.reason = why;
            }
        }
        LOG.debug("experimentId={}, status=stopping, reason={}", id, why);
    }

    /** Runs everything that is due up to {@code now}. */
    void advance(Instant now, Inventory inventory, Alarms alarms, Map<String, String> failing) {
        this.failing = failing;
        int guard = 0;
        while (!terminal() && step(now, inventory, alarms) && guard++ < 10_000) {
            // each step moves the run on by one event
        }
    }

    private boolean step(Instant now, Inventory inventory, Alarms alarms) {
        switch (status) {
            case "pending":
                if (!now.isBefore(phaseAt.plus(PHASE))) {
                    phaseAt = phaseAt.plus(PHASE);
                    status = "initiating";
                    reason = "Experiment is initiating.";
                    startTime = phaseAt;
                    LOG.debug("experimentId={}, status=initiating", id);
                    return true;
                }
                return false;
            case "initiating":
                if (!now.isBefore(phaseAt.plus(PHASE))) {
                    phaseAt = phaseAt.plus(PHASE);
                    initiate(inventory);
                    return true;
                }
                return false;
            case "running":
                Optional<String> firing = firingAlarm(alarms);
                if (firing.isPresent()) {
                    requestStop(now, "Experiment stopped by a stop condition: alarm " + firing.get() + " is in ALARM.");
                    return true;
                }
                return schedule(now, inventory);
            case "stopping":
                if (!now.isBefore(stopAt.plus(PHASE))) {
                    Instant t = stopAt.plus(PHASE);
                    for (ActionRun a : actions.values()) {
                        if ("stopping".equals(a.status)) {
                            Effects.onEnd(id, a, inventory, t);
                            a.status = "stopped";
                            a.endTime = t;
                        }
                    }
                    finish("stopped", t, reason);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private void initiate(Inventory inventory) {
        TargetResolver.Resolution r = TargetResolver.resolve(template, inventory, new SplittableRandom(seed));
        if (r.failure().isPresent()) {
            errorCode = "InvalidTarget";
            errorLocation = r.failedTarget().orElse("");
            for (ActionRun a : actions.values()) {
                a.status = "cancelled";
                a.reason = "The experiment failed before this action started.";
            }
            finish("failed", phaseAt, r.failure().get());
            return;
        }
        resolved.putAll(r.targets());
        for (ActionRun a : actions.values()) {
            Set<String> arns = new LinkedHashSet<>();
            for (String target : a.action.targets().values()) {
                resolved.getOrDefault(target, List.of()).forEach(x -> arns.add(x.arn()));
            }
            a.resources.addAll(arns);
            if (quotas && overQuota(a)) {
                errorCode = "QuotaExceededFailure";
                errorLocation = a.name;
                for (ActionRun x : actions.values()) {
                    x.status = "cancelled";
                    x.reason = "The experiment failed before this action started.";
                }
                finish("failed", phaseAt, "Action " + a.name + " would affect " + a.resources.size()
                        + " resources, more than its target quota of " + quotaOf(a) + ".");
                return;
            }
        }
        status = "running";
        reason = "Experiment is running.";
        LOG.debug("experimentId={}, status=running, targets={}", id, resolved.keySet());
    }

    private static int quotaOf(ActionRun a) {
        return Catalog.defaultCatalog().action(a.actionId).map(d -> d.targetQuota().orElse(Integer.MAX_VALUE))
                .orElse(Integer.MAX_VALUE);
    }

    /** Whether an action's dynamically chosen resources (not listed by ARN) exceed its quota. */
    private boolean overQuota(ActionRun a) {
        int dynamic = 0;
        for (String target : a.action.targets().values()) {
            TemplateTarget t = template.targets().get(target);
            if (t != null && t.resourceArns().isEmpty()) {
                dynamic += resolved.getOrDefault(target, List.of()).size();
            }
        }
        return dynamic > quotaOf(a);
    }

    private boolean schedule(Instant now, Inventory inventory) {
        boolean progress = false;
        for (ActionRun a : actions.values()) {
            if (!"pending".equals(a.status)) {
                continue;
            }
            Instant t = phaseAt;
            boolean ready = true;
            for (String before : a.action.startAfter()) {
                ActionRun p = actions.get(before);
                if (p == null) {
                    continue;
                }
                if (!p.succeeded()) {
                    ready = false;
                    break;
                }
                if (p.endTime != null && p.endTime.isAfter(t)) {
                    t = p.endTime;
                }
            }
            if (!ready || t.isAfter(now)) {
                continue;
            }
            progress = true;
            if (skipAll) {
                skip(a, t, "Action was skipped because the experiment's actionsMode is skip-all.");
            } else if (!a.action.targets().isEmpty() && a.resources.isEmpty()) {
                skip(a, t, "Action was skipped because its targets resolved no resources.");
            } else if (failing.containsKey(a.actionId)) {
                fail(a, t, failing.get(a.actionId), inventory);
                return true;
            } else {
                a.status = "running";
                a.reason = "Action is running.";
                a.startTime = t;
                a.dueEnd = t.plus(a.duration);
                Effects.onStart(id, a, inventory, t);
                LOG.debug("experimentId={}, action={}, status=running", id, a.name);
            }
        }
        ActionRun next = null;
        for (ActionRun a : actions.values()) {
            if ("running".equals(a.status) && !a.dueEnd.isAfter(now) && (next == null || a.dueEnd.isBefore(next.dueEnd))) {
                next = a;
            }
        }
        if (next != null) {
            next.status = "completed";
            next.reason = "Action was completed.";
            next.endTime = next.dueEnd;
            Effects.onEnd(id, next, inventory, next.endTime);
            LOG.debug("experimentId={}, action={}, status=completed", id, next.name);
            return true;
        }
        boolean all = true;
        Instant last = phaseAt;
        for (ActionRun a : actions.values()) {
            all &= a.done();
            if (a.endTime != null && a.endTime.isAfter(last)) {
                last = a.endTime;
            }
        }
        if (all) {
            finish("completed", last, "Experiment completed.");
            return true;
        }
        return progress;
    }

    /** An action failed: the others stop (post-actions run), pending ones are cancelled, the run fails. */
    private void fail(ActionRun failed, Instant t, String code, Inventory inventory) {
        failed.status = "failed";
        failed.reason = "Action failed with " + code + " (injected by LocalFis).";
        failed.startTime = t;
        failed.endTime = t;
        for (ActionRun a : actions.values()) {
            if ("running".equals(a.status)) {
                Effects.onEnd(id, a, inventory, t);
                a.status = "stopped";
                a.reason = "Experiment failed.";
                a.endTime = t;
            } else if ("pending".equals(a.status)) {
                a.status = "cancelled";
                a.reason = "Experiment failed.";
            }
        }
        errorCode = code;
        errorLocation = failed.name;
        finish("failed", t, "Action " + failed.name + " failed: " + code + ".");
    }

    private static void skip(ActionRun a, Instant t, String why) {
        a.status = "skipped";
        a.reason = why;
        a.startTime = t;
        a.endTime = t;
    }

    private Optional<String> firingAlarm(Alarms alarms) {
        for (StopCondition s : template.stopConditions()) {
            if (s.isAlarm() && s.value().isPresent()) {
                Optional<Alarm> a = alarms.alarm(s.value().get());
                if (a.isPresent() && a.get().state() == AlarmState.ALARM) {
                    return Optional.of(s.value().get());
                }
            }
        }
        return Optional.empty();
    }

    private void finish(String finalStatus, Instant t, String why) {
        status = finalStatus;
        reason = why;
        endTime = t;
        LOG.debug("experimentId={}, status={}, reason={}", id, finalStatus, why);
    }

    /** Every resolved resource as (target name, resource), in order. */
    List<Map.Entry<String, SimResource>> resolvedTargets() {
        List<Map.Entry<String, SimResource>> out = new ArrayList<>();
        resolved.forEach((name, list) -> list.forEach(r -> out.add(Map.entry(name, r))));
        return out;
    }
}
