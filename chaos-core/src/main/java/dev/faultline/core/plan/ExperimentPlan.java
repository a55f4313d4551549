package dev.faultline.core.plan;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schedule of an experiment: each action's start and end offset, from the startAfter graph
 * and each action's duration parameter in the catalog; the total duration; and how many actions
 * run at once at the peak. Actions caught in a startAfter cycle or depending on an unknown
 * action cannot be placed and are listed by {@link #unscheduled()}.
 *
 * <pre>{@code
 * ExperimentPlan plan = ExperimentPlan.of(experiment);
 * plan.totalDuration();     // PT30M
 * plan.peakParallelism();   // 2
 * }</pre>
 */
public final class ExperimentPlan {

    private final Experiment experiment;
    private final Catalog catalog;
    private final List<PlannedAction> actions;
    private final List<String> unscheduled;
    private final Duration totalDuration;
    private final int peakParallelism;

    private ExperimentPlan(Experiment experiment, Catalog catalog, List<PlannedAction> actions, List<String> unscheduled) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.actions = List.copyOf(actions);
        this.unscheduled = List.copyOf(unscheduled);
        this.totalDuration = actions.stream().map(PlannedAction::end).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        this.peakParallelism = peak(this.actions);
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
        Map<String, PlannedAction> placed = new LinkedHashMap<>();
        Map<String, Action> pending = new LinkedHashMap<>(experiment.actions());
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                Duration start = Duration.ZERO;
                boolean ready = true;
                for (String dependency : entry.getValue().startAfter()) {
                    PlannedAction before = placed.get(dependency);
                    if (before == null) {
                        ready = false;
                        break;
                    }
                    start = max(start, before.end());
                }
                if (ready) {
                    placed.put(entry.getKey(), place(entry.getKey(), entry.getValue(), start, catalog));
                    it.remove();
                    progress = true;
                }
            }
        }
        List<PlannedAction> ordered = new ArrayList<>(placed.values());
        ordered.sort(Comparator.comparing(PlannedAction::start));
        return new ExperimentPlan(experiment, catalog, ordered, new ArrayList<>(pending.keySet()));
    }

    private static PlannedAction place(String name, Action action, Duration start, Catalog catalog) {
        PlannedAction.Builder b = new PlannedAction.Builder()
                .name(name)
                .actionId(action.actionId().orElse(""))
                .start(start)
                .startAfter(action.startAfter())
                .targets(action.targets());
        Optional<String> parameter = action.actionId().flatMap(catalog::action).flatMap(ActionDefinition::durationParameter);
        Duration duration = Duration.ZERO;
        boolean known = action.actionId().flatMap(catalog::action).isPresent();
        if (parameter.isPresent()) {
            b.durationParameter(parameter.get());
            Optional<Duration> parsed = parse(action.parameters().get(parameter.get()));
            known = parsed.isPresent();
            duration = parsed.orElse(Duration.ZERO);
        }
        return b.duration(duration).durationKnown(known).build();
    }

    /**
     * Reads an ISO-8601 duration as FIS writes them ({@code PT5M}, {@code PT1H30M}).
     *
     * @param text the text, possibly null
     * @return the duration, if the text is one and is not negative
     */
    public static Optional<Duration> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Duration d = Duration.parse(text);
            return d.isNegative() ? Optional.empty() : Optional.of(d);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The largest number of actions running at one instant; instant actions count at their start. */
    private static int peak(List<PlannedAction> actions) {
        int peak = 0;
        for (PlannedAction a : actions) {
            int running = 0;
            for (PlannedAction b : actions) {
                boolean sameStart = b.start().equals(a.start());
                boolean covers = b.start().compareTo(a.start()) <= 0 && b.end().compareTo(a.start()) > 0;
                if (sameStart || covers) {
                    running++;
                }
            }
            peak = Math.max(peak, running);
        }
        return peak;
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
     * The placed actions, by start offset (ties in template order).
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
        return unscheduled;
    }

    /**
     * When the last action ends, from the start of the experiment.
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
        return peakParallelism;
    }

    /**
     * The actions running at the peak: those that share the busiest instant.
     *
     * @return their names
     */
    public List<String> peakActions() {
        for (PlannedAction a : actions) {
            List<String> running = new ArrayList<>();
            for (PlannedAction b : actions) {
                if (b.start().equals(a.start()) || b.start().compareTo(a.start()) <= 0 && b.end().compareTo(a.start()) > 0) {
                    running.add(b.name());
                }
            }
            if (running.size() == peakParallelism) {
                return running;
            }
        }
        return List.of();
    }
}
