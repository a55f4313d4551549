package dev.faultline.aws.engine;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steady-state hypothesis of one run: the readings during the run (at most one per poll
 * interval of the engine's clock), and at the end the readings before the start (the window
 * that ends at the experiment's start), after the recovery window, each condition's series
 * over the run, and the verdict.
 */
final class HypothesisWatch {

    private static final Logger LOG = LoggerFactory.getLogger(HypothesisWatch.class);

    private final Hypothesis hypothesis;
    private final MetricSource metrics;
    private final Duration minGap;
    private final List<Evidence> evidence = new ArrayList<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Instant lastDuring;

    /**
     * Creates the watch.
     *
     * @param hypothesis the hypothesis
     * @param metrics where the metrics are read
     * @param minGap the least clock time between two readings during the run
     */
    HypothesisWatch(Hypothesis hypothesis, MetricSource metrics, Duration minGap) {
        this.hypothesis = Objects.requireNonNull(hypothesis, "hypothesis");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.minGap = Objects.requireNonNull(minGap, "minGap");
    }

    /**
     * The hypothesis.
     *
     * @return the hypothesis
     */
    Hypothesis hypothesis() {
        return hypothesis;
    }

    /**
     * How long to wait after the run's end before the last readings.
     *
     * @return the recovery window; zero when the hypothesis names none
     */
    Duration recoveryWindow() {
        return hypothesis.recoveryWindow().orElse(Duration.ZERO);
    }

    /**
     * Reads the DURING conditions, unless a reading is in flight, the last one is more recent
     * than the poll interval, or no condition is checked during the run.
     *
     * @param now the engine clock's time
     * @return the readings, or null when no reading was started
     */
    CompletableFuture<List<Evidence>> during(Instant now) {
        if (HypothesisEvaluator.conditionsFor(hypothesis, CheckPhase.DURING).isEmpty()) {
            return null;
        }
        Instant last = lastDuring;
        if (last != null && Duration.between(last, now).compareTo(minGap) < 0) {
            return null;
        }
        if (!reading.compareAndSet(false, true)) {
            return null;
        }
        lastDuring = now;
        return read(CheckPhase.DURING, now).whenComplete((e, error) -> reading.set(false));
    }

    /**
     * Reads the BEFORE conditions (at the experiment's start), the AFTER conditions (now) and
     * each condition's series, then decides the verdict.
     *
     * @param experimentStart when the experiment started
     * @param now the engine clock's time, after the recovery window
     * @return the AFTER readings and the verdict
     */
    CompletableFuture<Final> finish(Instant experimentStart, Instant now) {
        CompletableFuture<List<Evidence>> before = read(CheckPhase.BEFORE, experimentStart);
        CompletableFuture<List<Evidence>> after = read(CheckPhase.AFTER, now);
        Instant from = experimentStart.minus(longestPeriod().multipliedBy(HypothesisEvaluator.DEFAULT_LOOKBACK_PERIODS));
        List<CompletableFuture<MetricSeries>> series = new ArrayList<>();
        for (SteadyStateCondition c : hypothesis.conditions()) {
            series.add(series(c, from, now));
        }
        CompletableFuture<?> all = CompletableFuture.allOf(before, after,
                CompletableFuture.allOf(series.toArray(CompletableFuture[]::new)));
        return all.thenApply(ignored -> {
            // every future is complete here: getNow reads, it never waits
            List<Evidence> afterReadings = after.getNow(List.of());
            List<Evidence> readings = new ArrayList<>(before.getNow(List.of()));
            synchronized (this) {
                readings.addAll(evidence);
            }
            readings.addAll(afterReadings);
            List<MetricSeries> values = new ArrayList<>();
            for (CompletableFuture<MetricSeries> s : series) {
                values.add(s.getNow(null));
            }
            return new Final(afterReadings, HypothesisEvaluator.verdict(hypothesis, readings, values));
        });
    }

    private CompletableFuture<List<Evidence>> read(CheckPhase phase, Instant at) {
        if (HypothesisEvaluator.conditionsFor(hypothesis, phase).isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        return HypothesisEvaluator.check(metrics, hypothesis, phase, at).thenApply(readings -> {
            if (phase == CheckPhase.DURING) {
                synchronized (this) {
                    evidence.addAll(readings);
                }
            }
            return readings;
        });
    }

    private CompletableFuture<MetricSeries> series(SteadyStateCondition c, Instant from, Instant to) {
        CompletableFuture<List<MetricPoint>> read;
        try {
            read = metrics.read(c, from, to);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        return read.handle((points, error) -> {
            if (error != null) {
                LOG.warn("Could not read the series of a steady-state condition for the report condition={}",
                        HypothesisEvaluator.label(c), error);
                return new MetricSeries(c, List.of());
            }
            return new MetricSeries(c, points);
        });
    }

    private Duration longestPeriod() {
        Duration longest = Duration.ofMinutes(1);
        for (SteadyStateCondition c : hypothesis.conditions()) {
            if (c.period().compareTo(longest) > 0) {
                longest = c.period();
            }
        }
        return longest;
    }

    /**
     * The end of the watch.
     *
     * @param after the readings after the recovery window (published as an event)
     * @param verdict the verdict
     */
    record Final(List<Evidence> after, HypothesisVerdict verdict) {
        /**
         * Copies the list.
         *
         * @param after the readings
         * @param verdict the verdict
         */
        Final {
            after = List.copyOf(after);
            Objects.requireNonNull(verdict, "verdict");
        }
    }
}
