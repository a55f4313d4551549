package dev.faultline.core.engine;

import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * Turns metric readings into {@link Evidence} and evidence into a {@link HypothesisVerdict}.
 * Pure logic: reading the metrics is a {@link MetricSource}'s job.
 *
 * <p>A reading uses the latest value in its window. The verdict is {@link Verdict#REFUTED}
 * when any reading breached its condition; otherwise {@link Verdict#INCONCLUSIVE} when some
 * condition has no reading with data in a phase it names; otherwise {@link Verdict#HELD}.
 */
public final class HypothesisEvaluator {

    /** How many periods back a reading looks for the latest value, by default. */
    public static final int DEFAULT_LOOKBACK_PERIODS = 5;

    private HypothesisEvaluator() {}

    /**
     * A short name for a condition.
     *
     * @param condition the condition
     * @return its name, or else {@code namespace/metric}
     */
    public static String label(SteadyStateCondition condition) {
        Objects.requireNonNull(condition, "condition");
        return condition.name().orElseGet(() -> condition.namespace().orElse("?") + "/"
                + condition.metricName().orElse("?"));
    }

    /**
     * The conditions checked in a phase.
     *
     * @param hypothesis the hypothesis
     * @param phase the phase
     * @return the conditions that name the phase, in order
     */
    public static List<SteadyStateCondition> conditionsFor(Hypothesis hypothesis, CheckPhase phase) {
        List<SteadyStateCondition> out = new ArrayList<>();
        for (SteadyStateCondition c : hypothesis.conditions()) {
            if (c.phases().contains(phase)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Judges one reading.
     *
     * @param condition the condition
     * @param phase the phase of the reading
     * @param at the end of the window read
     * @param points the values in the window, oldest first
     * @return the evidence: the latest value, or none
     */
    public static Evidence evaluate(SteadyStateCondition condition, CheckPhase phase, Instant at,
            List<MetricPoint> points) {
        OptionalDouble value = OptionalDouble.empty();
        Instant latest = Instant.MIN;
        for (MetricPoint p : points) {
            if (!p.time().isBefore(latest) && !Double.isNaN(p.value())) {
                latest = p.time();
                value = OptionalDouble.of(p.value());
            }
        }
        return new Evidence(condition, phase, at, value);
    }

    /**
     * Reads and judges every condition of a phase.
     *
     * @param source where the metrics come from
     * @param hypothesis the hypothesis
     * @param phase the phase
     * @param at the end of the window (now)
     * @return one piece of evidence per condition of the phase; a condition whose read failed
     *     counts as having no data
     */
    public static CompletableFuture<List<Evidence>> check(MetricSource source, Hypothesis hypothesis,
            CheckPhase phase, Instant at) {
        List<SteadyStateCondition> conditions = conditionsFor(hypothesis, phase);
        CompletableFuture<List<Evidence>> all = CompletableFuture.completedFuture(new ArrayList<>(conditions.size()));
        for (SteadyStateCondition c : conditions) {
            Duration window = c.period().multipliedBy(DEFAULT_LOOKBACK_PERIODS);
            CompletableFuture<Evidence> one = read(source, c, at.minus(window), at).handle((points, error) ->
                    evaluate(c, phase, at, error == null && points != null ? points : List.of()));
            all = all.thenCombine(one, (out, evidence) -> {
                out.add(evidence);
                return out;
            });
        }
        return all;
    }

    /** Reads one condition; a source that throws or returns no future counts as a failed read. */
    private static CompletableFuture<List<MetricPoint>> read(MetricSource source, SteadyStateCondition c,
            Instant from, Instant to) {
        try {
            CompletableFuture<List<MetricPoint>> read = source.read(c, from, to);
            return read != null ? read : CompletableFuture.failedFuture(
                    new IllegalStateException("The metric source returned no future for " + label(c)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Decides the verdict.
     *
     * @param hypothesis the hypothesis
     * @param evidence every reading taken during the run
     * @param series the metric series, for the report
     * @return the verdict, with a summary naming what decided it
     */
    public static HypothesisVerdict verdict(Hypothesis hypothesis, List<Evidence> evidence,
            List<MetricSeries> series) {
        List<String> breaches = new ArrayList<>();
        for (Evidence e : evidence) {
            if (e.breached()) {
                breaches.add(e.toString() + " at " + e.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            }
        }
        Verdict verdict;
        String summary;
        if (!breaches.isEmpty()) {
            verdict = Verdict.REFUTED;
            summary = "Breached: " + breaches.get(0) + (breaches.size() == 1 ? "." : " (and "
                    + (breaches.size() - 1) + " more breaching reading" + (breaches.size() == 2 ? "" : "s") + ").");
        } else {
            List<String> missing = missingReadings(hypothesis, evidence);
            if (missing.isEmpty()) {
                verdict = Verdict.HELD;
                summary = "Every condition held in every phase checked (" + evidence.size() + " readings).";
            } else {
                verdict = Verdict.INCONCLUSIVE;
                summary = "No breach, but no data for: " + String.join(", ", missing) + ".";
            }
        }
        return HypothesisVerdict.builder().verdict(verdict).evidence(evidence).series(series)
                .summary(summary).build();
    }

    private static List<String> missingReadings(Hypothesis hypothesis, List<Evidence> evidence) {
        List<String> missing = new ArrayList<>();
        for (SteadyStateCondition c : hypothesis.conditions()) {
            for (CheckPhase phase : CheckPhase.values()) {
                if (c.phases().contains(phase) && !hasData(evidence, c, phase)) {
                    missing.add(label(c) + " (" + phase.wireName() + ")");
                }
            }
        }
        return missing;
    }

    private static boolean hasData(List<Evidence> evidence, SteadyStateCondition c, CheckPhase phase) {
        for (Evidence e : evidence) {
            if (e.phase() == phase && e.condition().equals(c) && !e.missing()) {
                return true;
            }
        }
        return false;
    }
}
