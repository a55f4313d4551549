package dev.faultline.core.plan;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The schedule of an experiment: each action's start and end offset, from the startAfter graph
 * and each action's duration parameter in the catalog; the total duration; and how many actions
 * run at once at the peak. Actions caught in a startAfter cycle or depending on an unknown
 * action cannot be placed and are listed by {@link #unscheduledActions()} with the reason.
 *
 * <p>An action starts when the last of the actions it starts after ends. An instant action
 * (terminate, reboot, failover) takes a moment: the actions after it start at the same offset
 * but do not count as running beside it. Durations are worst cases: an action timed by
 * {@code maxDuration} may end sooner.
 *
 * <pre>{@code
 * ExperimentPlan plan = ExperimentPlan.of(experiment);
 * plan.totalDuration();     // PT30M
 * plan.peakParallelism();   // 2
 * plan.render();            // summary, timeline and blast radius, as text
 * }</pre>
 */
public final class ExperimentPlan {

    /** The longest duration the plan places; longer ones are capped (FIS allows 12 hours). */
    private static final Duration LONGEST = Duration.ofDays(3650);
    /** {@link #LONGEST} in seconds. */
    static final long LONGEST_SECONDS = LONGEST.getSeconds();

    private final Experiment experiment;
    private final Catalog catalog;
    private final List<PlannedAction> actions;
    private final List<UnscheduledAction> unscheduled;
    private final Duration totalDuration;
    private final List<String> peakActions;

    private ExperimentPlan(Experiment experiment, Catalog catalog, Scheduler.Schedule schedule) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.actions = schedule.actions();
        this.unscheduled = schedule.unscheduled();
        Duration total = Duration.ZERO;
        for (PlannedAction a : actions) {
            total = a.end().compareTo(total) > 0 ? a.end() : total;
        }
        this.totalDuration = total;
        this.peakActions = schedule.peakActions();
    }

    /**
     * Plans an experiment with the default catalog.
     *
     * @param experiment the experiment
     * @return its plan
     */
    public static ExperimentPlan of(Experiment experiment) {
        return of(experiment, Catalog.defaultCatalog());
    }

    /**
     * Plans an experiment.
     *
     * @param experiment the experiment
     * @param catalog the catalog that says which parameter carries each action's duration
     * @return its plan
     */
    public static ExperimentPlan of(Experiment experiment, Catalog catalog) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(catalog, "catalog");
        return new ExperimentPlan(experiment, catalog, Scheduler.schedule(experiment, catalog));
    }

    /**
     * An upper bound on how long an experiment lasts, found without scheduling it: the sum of its
     * actions' durations (as the plan reads them), rounded up to whole seconds. The plan's
     * {@linkplain #totalDuration() total duration} and each planned action's duration are at most
     * this, since an action starts only when the actions it starts after have ended. Validation
     * uses it to skip building the plan when the bound already shows that no duration limit is
     * exceeded.
     *
     * <pre>{@code
     * ExperimentPlan.durationBound(experiment, catalog);   // PT15M for three 5-minute actions
     * }</pre>
     *
     * @param experiment the experiment
     * @param catalog the catalog that says which parameter carries each action's duration
     * @return the bound, zero when no action has a known duration
     */
    public static Duration durationBound(Experiment experiment, Catalog catalog) {
        return Duration.ofSeconds(durationBoundSeconds(experiment, catalog));
    }

    /**
     * {@link #durationBound(Experiment, Catalog)} in seconds, without a {@code Duration}: what
     * validation compares with its limits for every template.
     *
     * @param experiment the experiment
     * @param catalog the catalog that says which parameter carries each action's duration
     * @return the bound in whole seconds, zero when no action has a known duration
     */
    public static long durationBoundSeconds(Experiment experiment, Catalog catalog) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(catalog, "catalog");
        long seconds = 0; // each duration is capped at ten years: no overflow below 2.9e10 actions
        for (Action action : experiment.actions().values()) {
            String id = action.actionId().orElse(null);
            seconds += durationBoundSeconds(action, id == null ? null : catalog.action(id).orElse(null));
        }
        return seconds;
    }

    /**
     * One action's part of {@link #durationBoundSeconds(Experiment, Catalog)}: its duration as the
     * plan reads it, in whole seconds rounded up, for a caller that has already looked up its
     * definition.
     *
     * @param action the action
     * @param definition its definition in the catalog, or null when it has no id or the catalog lacks it
     * @return the seconds, zero for an action without a known duration
     */
    public static long durationBoundSeconds(Action action, ActionDefinition definition) {
        return Scheduler.boundSeconds(Objects.requireNonNull(action, "action"), definition);
    }

    /**
     * Reads an ISO-8601 duration as FIS writes them ({@code PT5M}, {@code PT1H30M}).
     *
     * @param text the text, possibly null
     * @return the duration (capped at ten years, so offsets never overflow), if the text is one and is not negative
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Duration d = FisDuration.parse(text);
            if (d.isNegative()) {
                return Optional.empty();
            }
            return Optional.of(d.compareTo(LONGEST) > 0 ? LONGEST : d);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The experiment planned.
     *
     * @return the experiment
     */
    public Experiment experiment() {
        return experiment;
    }

    /**
     * The catalog used.
     *
     * @return the catalog
     */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * The placed actions, by start offset; at the same offset an action after an instant action
     * comes after it, and other ties keep template order.
     *
     * @return the planned actions
     */
    public List<PlannedAction> actions() {
        return actions;
    }

    /**
     * One placed action by name.
     *
     * @param name the action's name
     * @return the planned action, if it could be placed
     */
    public Optional<PlannedAction> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * Actions that cannot be placed: in a startAfter cycle, or after an action that does not exist.
     *
     * @return their names, in template order
     */
    public List<String> unscheduled() {
        return unscheduled.stream().map(UnscheduledAction::name).toList();
    }

    /**
     * Actions that cannot be placed, each with the reason.
     *
     * @return the unscheduled actions, in template order
     */
    public List<UnscheduledAction> unscheduledActions() {
        return unscheduled;
    }

    /**
     * When the last action ends, from the start of the experiment, in the worst case (actions
     * timed by {@code maxDuration} run to it; actions of unknown duration count as instant).
     *
     * @return the total duration
     */
    public Duration totalDuration() {
        return totalDuration;
    }

    /**
     * The most actions running at one instant.
     *
     * @return the peak parallelism
     */
    public int peakParallelism() {
        return peakActions.size();
    }

    /**
     * The actions running at the peak: those that share the busiest instant (the earliest, when
     * several are as busy), in timeline order.
     *
     * @return their names
     */
    public List<String> peakActions() {
        return peakActions;
    }

    /**
     * The blast radius of the experiment, with this plan's catalog.
     *
     * @return the blast radius
     */
    public BlastRadius blastRadius() {
        return BlastRadius.of(this);
    }

    /**
     * One line on the plan: how many actions, the total duration, the peak parallelism and the
     * actions at the peak, and how many actions cannot be scheduled.
     *
     * <pre>{@code
     * plan.summary();   // "3 actions, total duration 10m, peak parallelism 2 (stop, wait)"
     * }</pre>
     *
     * @return the line, without a newline
     */
    public String summary() {
        int count = actions.size() + unscheduled.size();
        StringBuilder out = new StringBuilder()
                .append(count).append(count == 1 ? " action" : " actions")
                .append(", total duration ").append(Durations.format(totalDuration))
                .append(", peak parallelism ").append(peakParallelism());
        if (!peakActions.isEmpty()) {
            out.append(" (").append(String.join(", ", peakActions)).append(')');
        }
        if (!unscheduled.isEmpty()) {
            out.append(", ").append(unscheduled.size()).append(" not scheduled");
        }
        return out.toString();
    }

    /**
     * Draws the schedule as a fixed-width text Gantt chart: one row per action with its name,
     * action id, offsets ({@code 0s → 5m}, {@code at 5m} for an instant action) and a 40-column
     * bar scaled to the total duration; then the actions that cannot be scheduled, with why.
     *
     * <pre>{@code
     * Timeline
     *   action     id                           offsets   |0s                                   10m|
     *   stop       aws:ec2:stop-instances       0s → 10m  |########################################|  until restart (startInstancesAfterDuration)
     *   wait       aws:fis:wait                 0s → 5m   |####################                    |
     *   terminate  aws:ec2:terminate-instances  at 5m     |                    *                   |
     *   # running  * instant
     * }</pre>
     *
     * @return the chart, ending with a newline
     */
    public String timeline() {
        return Timeline.render(this);
    }

    /**
     * The full text report: the {@linkplain #summary() summary} line, the
     * {@linkplain #timeline() timeline} and the {@linkplain BlastRadius#render() blast radius}.
     * Control characters in the template's names print as {@code ?}, so a name cannot break the
     * layout or send escape sequences to a terminal.
     *
     * @return the report, ending with a newline
     */
    public String render() {
        return render(blastRadius());
    }

    /**
     * The full text report with a given blast radius, for example one with the resolved counts
     * of a target preview.
     *
     * @param blastRadius the blast radius to show
     * @return the report, ending with a newline
     */
    public String render(BlastRadius blastRadius) {
        Objects.requireNonNull(blastRadius, "blastRadius");
        return "Plan: " + TextTable.printable(summary()) + "\n\n" + timeline() + "\n" + blastRadius.render();
    }

    @Override
    public String toString() {
        return summary();
    }
}
