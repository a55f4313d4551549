package dev.faultline.core.plan;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.graph.StartAfterGraph;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Places an experiment's actions on a timeline.
 *
 * <p>Time is a pair (offset, step): an instant action at offset t takes one step, so the actions
 * that start after it begin at (t, step + 1) and do not count as running beside it; an action
 * with a duration ends at (t + duration, 0). An action starts at the latest end of the actions
 * it starts after.
 */
final class Scheduler {

    /** The outcome: placed actions in timeline order, the unplaced ones, and the busiest instant. */
    record Schedule(List<PlannedAction> actions, List<UnscheduledAction> unscheduled, List<String> peakActions) {}

    /** A point of the timeline, ordered by offset, then by step. */
    private record Point(Duration offset, int step) implements Comparable<Point> {
        static final Point ZERO = new Point(Duration.ZERO, 0);

        @Override
        public int compareTo(Point other) {
            int c = offset.compareTo(other.offset);
            return c != 0 ? c : Integer.compare(step, other.step);
        }
    }

    /** A placed action with its span [start, end) in points. */
    private record Span(PlannedAction action, Point start, Point end, int index) {}

    private Scheduler() {}

    static Schedule schedule(Experiment experiment, Catalog catalog) {
        Map<String, Action> all = experiment.actions();
        Map<String, Integer> index = new HashMap<>();
        all.keySet().forEach(name -> index.put(name, index.size()));
        StartAfterGraph graph = StartAfterGraph.of(all);
        Map<String, Span> placed = new LinkedHashMap<>();
        for (String name : graph.startOrder()) {
            Action action = all.get(name);
            placed.put(name, span(name, action, startOf(action, placed).orElseThrow(), catalog, index));
        }
        Map<String, Action> pending = new LinkedHashMap<>();
        for (Map.Entry<String, Action> entry : all.entrySet()) {
            if (!placed.containsKey(entry.getKey())) {
                pending.put(entry.getKey(), entry.getValue());
            }
        }
        List<Span> ordered = new ArrayList<>(placed.values());
        ordered.sort(Comparator.comparing(Span::start).thenComparingInt(Span::index));
        List<PlannedAction> actions = new ArrayList<>(ordered.size());
        for (Span span : ordered) {
            actions.add(span.action());
        }
        return new Schedule(List.copyOf(actions), unscheduled(all, pending, graph),
                peak(ordered));
    }

    /** The latest end of the action's dependencies, or empty while one is not placed. */
    private static Optional<Point> startOf(Action action, Map<String, Span> placed) {
        Point start = Point.ZERO;
        for (String dependency : action.startAfter()) {
            Span before = placed.get(dependency);
            if (before == null) {
                return Optional.empty();
            }
            start = before.end().compareTo(start) > 0 ? before.end() : start;
        }
        return Optional.of(start);
    }

    private static Span span(String name, Action action, Point start, Catalog catalog, Map<String, Integer> index) {
        PlannedAction planned = place(name, action, start.offset(), catalog);
        Point end = planned.duration().isZero()
                ? new Point(start.offset(), start.step() + 1)
                : new Point(planned.end(), 0);
        return new Span(planned, start, end, index.get(name));
    }

    private static PlannedAction place(String name, Action action, Duration start, Catalog catalog) {
        PlannedAction.Builder b = new PlannedAction.Builder()
                .name(name)
                .actionId(action.actionId().orElse(""))
                .start(start)
                .startAfter(action.startAfter())
                .targets(action.targets());
        Optional<ActionDefinition> definition = action.actionId().flatMap(catalog::action);
        if (definition.isEmpty()) {
            String problem = action.actionId().map(id -> "unknown action " + id).orElse("no action id");
            return b.duration(Duration.ZERO).durationKnown(false).durationProblem(problem).build();
        }
        Optional<String> parameter = definition.get().durationParameter();
        if (parameter.isEmpty()) {
            return b.duration(Duration.ZERO).durationKnown(true).build();
        }
        String parameterName = parameter.get();
        b.durationParameter(parameterName);
        String text = action.parameters().get(parameterName);
        if (text == null) {
            boolean required = definition.get().parameter(parameterName).map(ParameterDefinition::required).orElse(true);
            return required
                    ? b.duration(Duration.ZERO).durationKnown(false).durationProblem("missing " + parameterName).build()
                    : b.duration(Duration.ZERO).durationKnown(true).build();
        }
        Optional<Duration> parsed = ExperimentPlan.parse(text);
        return parsed.isPresent()
                ? b.duration(parsed.get()).durationKnown(true).build()
                : b.duration(Duration.ZERO).durationKnown(false)
                        .durationProblem("unreadable " + parameterName + " \"" + text + "\"").build();
    }

    /**
     * The duration {@link #place} gives an action, without building it, in whole seconds rounded
     * up: its duration parameter's value (capped as {@link ExperimentPlan#parse} caps it), or zero
     * when the definition (null for an action without an id or one the catalog lacks), the
     * parameter or a readable value is missing. Each
     * Optional is read once, and a plain duration ({@code PT5M}) is read without a
     * {@code Duration}: validation asks this for every action of every template.
     */
    static long boundSeconds(Action action, ActionDefinition definition) {
        String parameter = definition == null ? null : definition.durationParameter().orElse(null);
        String text = parameter == null ? null : action.parameters().get(parameter);
        if (text == null) {
            return 0;
        }
        long seconds = FisDuration.plainSeconds(text);
        if (seconds >= 0) {
            return Math.min(seconds, ExperimentPlan.LONGEST_SECONDS);
        }
        Duration d = ExperimentPlan.parse(text).orElse(Duration.ZERO);
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    /**
     * The actions running at the busiest point, in timeline order; the earliest such point wins.
     * A sweep over the starts (in order) with a heap of the running actions' ends: O(n log n).
     */
    private static List<String> peak(List<Span> ordered) {
        PriorityQueue<Point> ends = new PriorityQueue<>();
        int best = 0;
        Point bestAt = null;
        int next = 0;
        for (Span candidate : ordered) {
            Point at = candidate.start();
            while (next < ordered.size() && ordered.get(next).start().compareTo(at) <= 0) {
                ends.add(ordered.get(next++).end());
            }
            while (!ends.isEmpty() && ends.peek().compareTo(at) <= 0) {
                ends.poll();
            }
            if (ends.size() > best) {
                best = ends.size();
                bestAt = at;
            }
        }
        if (bestAt == null) {
            return List.of();
        }
        List<String> running = new ArrayList<>(best);
        for (Span s : ordered) {
            if (s.start().compareTo(bestAt) <= 0 && s.end().compareTo(bestAt) > 0) {
                running.add(s.action().name());
            }
        }
        return List.copyOf(running);
    }

    private static List<UnscheduledAction> unscheduled(Map<String, Action> all, Map<String, Action> pending,
            StartAfterGraph graph) {
        List<UnscheduledAction> out = new ArrayList<>();
        for (var entry : pending.entrySet()) {
            String name = entry.getKey();
            List<String> startAfter = entry.getValue().startAfter();
            List<String> unknown = startAfter.stream().filter(d -> !all.containsKey(d)).distinct().toList();
            List<String> cycle = graph.cycleOf(name);
            UnscheduledAction.Builder b = UnscheduledAction.builder().name(name);
            if (!unknown.isEmpty()) {
                b.reason(UnscheduledAction.Reason.UNKNOWN_DEPENDENCY).addAllRelated(unknown);
            } else if (!cycle.isEmpty()) {
                // one cycle shared by its whole group: copying it whole into each action would cost n x cycle
                int distinct = cycle.size() - 1;
                if (distinct > UnscheduledAction.MAX_RELATED) {
                    b.reason(UnscheduledAction.Reason.CYCLE).addAllRelated(cycle.subList(0, UnscheduledAction.MAX_RELATED))
                            .relatedOmitted(distinct - UnscheduledAction.MAX_RELATED);
                } else {
                    b.reason(UnscheduledAction.Reason.CYCLE).addAllRelated(cycle);
                }
            } else {
                b.reason(UnscheduledAction.Reason.AFTER_UNSCHEDULED)
                        .addAllRelated(startAfter.stream().filter(pending::containsKey).distinct().toList());
            }
            out.add(b.build());
        }
        return out;
    }
}
