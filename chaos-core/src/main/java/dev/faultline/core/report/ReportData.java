package dev.faultline.core.report;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.PlannedAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every format of a report is rendered from: the inputs, and the facts derived from them
 * once (the action rows with planned and actual times, the state changes, the stop time, the
 * duration). Unknown facts are null, never an exception.
 */
final class ReportData {

    private static final Logger LOG = LoggerFactory.getLogger(ReportData.class);

    private final Experiment experiment;
    private final RunOutcome outcome;
    private final Preflight preflight;
    private final List<ActionRow> actions;
    private final List<RunEvent.StateChanged> stateChanges;
    private final RunEvent.StopRequested stop;
    private final Duration plannedDuration;

    ReportData(Experiment experiment, RunOutcome outcome, Preflight preflight) {
        this.experiment = experiment;
        this.outcome = outcome;
        this.preflight = preflight;
        ExperimentPlan plan = planOf(experiment, outcome.experimentId());
        this.plannedDuration = plan == null ? null : plan.totalDuration();
        this.actions = List.copyOf(rows(experiment, outcome, plan));
        List<RunEvent.StateChanged> changes = new ArrayList<>();
        RunEvent.StopRequested firstStop = null;
        for (RunEvent e : outcome.events()) {
            if (e instanceof RunEvent.StateChanged sc) {
                changes.add(sc);
            } else if (e instanceof RunEvent.StopRequested sr && firstStop == null) {
                firstStop = sr;
            }
        }
        this.stateChanges = List.copyOf(changes);
        this.stop = firstStop;
    }

    private static ExperimentPlan planOf(Experiment experiment, String experimentId) {
        try {
            return ExperimentPlan.of(experiment);
        } catch (RuntimeException e) {
            LOG.warn("No plan for the report, planned times left out: experimentId={}, error={}", experimentId,
                    e.toString());
            return null;
        }
    }

    private static List<ActionRow> rows(Experiment experiment, RunOutcome outcome, ExperimentPlan plan) {
        Map<String, PlannedAction> planned = new HashMap<>();
        if (plan != null) {
            for (PlannedAction p : plan.actions()) {
                planned.put(p.name(), p);
            }
        }
        List<ActionRow> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ActionOutcome a : outcome.actions()) {
            if (seen.add(a.name())) {
                rows.add(row(a.name(), a, experiment.actions().get(a.name()), planned.get(a.name())));
            }
        }
        for (String name : experiment.actions().keySet()) {
            if (seen.add(name)) {
                rows.add(row(name, null, experiment.actions().get(name), planned.get(name)));
            }
        }
        return rows;
    }

    private static ActionRow row(String name, ActionOutcome outcome, Action action, PlannedAction planned) {
        String actionId = null;
        if (outcome != null && outcome.actionId().isPresent()) {
            actionId = outcome.actionId().get();
        } else if (action != null) {
            actionId = action.actionId().orElse(null);
        }
        return new ActionRow(name, actionId,
                outcome == null ? null : outcome.state(),
                outcome == null ? null : outcome.reason().orElse(null),
                planned == null ? null : planned.start(),
                planned == null ? null : planned.end(),
                outcome == null ? null : outcome.startTime().orElse(null),
                outcome == null ? null : outcome.endTime().orElse(null));
    }

    Experiment experiment() {
        return experiment;
    }

    RunOutcome outcome() {
        return outcome;
    }

    /** The preflight, or null when the report has none. */
    Preflight preflight() {
        return preflight;
    }

    List<ActionRow> actions() {
        return actions;
    }

    List<RunEvent.StateChanged> stateChanges() {
        return stateChanges;
    }

    /** The first stop request, or null when none was made. */
    RunEvent.StopRequested stop() {
        return stop;
    }

    /** When the first stop was requested, or null. */
    Instant stopTime() {
        return stop == null ? null : stop.time();
    }

    /** The plan's total duration, or null when the experiment could not be planned. */
    Duration plannedDuration() {
        return plannedDuration;
    }

    /** The experiment's start, or null. */
    Instant start() {
        return outcome.startTime().orElse(null);
    }

    /** The experiment's end, or null. */
    Instant end() {
        return outcome.endTime().orElse(null);
    }

    /** How long the experiment ran, or null when a time is missing or they are out of order. */
    Duration duration() {
        Instant start = start();
        Instant end = end();
        return start == null || end == null || end.isBefore(start) ? null : Duration.between(start, end);
    }

    /** The experiment's name, or else a title made from its id. */
    String title() {
        return experiment.name().orElseGet(() -> "Experiment " + outcome.experimentId());
    }

    /** The verdict's name, or {@code NONE} when the outcome has no verdict. */
    String verdictName() {
        return outcome.verdict().map(v -> v.verdict().name()).orElse("NONE");
    }

    /** The verdict in a few words: {@code hypothesis HELD}, {@code no verdict} or {@code no hypothesis}. */
    String verdictText() {
        if (outcome.verdict().isPresent()) {
            return "hypothesis " + verdictName();
        }
        return experiment.hypothesis().isPresent() ? "no verdict" : "no hypothesis";
    }

    /** Why there is no verdict: the experiment had no hypothesis, or the run ended before it was judged. */
    String noVerdictReason() {
        return experiment.hypothesis().isPresent()
                ? "No verdict: the run ended before the hypothesis was judged."
                : "This experiment has no hypothesis.";
    }
}
