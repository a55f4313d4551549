package dev.faultline.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HypothesisEvaluatorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static final SteadyStateCondition ERRORS = SteadyStateCondition.builder().name("ErrorRate")
            .namespace("Checkout").metricName("5xxRate").statistic("Average").period(Duration.ofMinutes(1))
            .comparison(Comparison.LessThanThreshold).threshold(1.0).build();
    private static final SteadyStateCondition LATENCY = SteadyStateCondition.builder()
            .namespace("Checkout").metricName("p99").period(Duration.ofSeconds(30))
            .comparison(Comparison.LessThanOrEqualToThreshold).threshold(250.0)
            .phases(EnumSet.of(CheckPhase.DURING)).build();
    private static final Hypothesis HYPOTHESIS = Hypothesis.builder().addCondition(ERRORS).addCondition(LATENCY).build();

    private static MetricPoint point(long seconds, double value) {
        return new MetricPoint(T0.plusSeconds(seconds), value);
    }

    private static Evidence reading(SteadyStateCondition c, CheckPhase phase, Double value) {
        return new Evidence(c, phase, T0, value == null ? OptionalDouble.empty() : OptionalDouble.of(value));
    }

    // --- label and conditionsFor ---

    @Test
    void label_isTheName_orNamespaceSlashMetric() {
        assertThat(HypothesisEvaluator.label(ERRORS)).isEqualTo("ErrorRate");
        assertThat(HypothesisEvaluator.label(LATENCY)).isEqualTo("Checkout/p99");
        assertThat(HypothesisEvaluator.label(SteadyStateCondition.builder().build())).isEqualTo("?/?");
    }

    @Test
    void conditionsFor_onlyTheConditionsThatNameThePhase() {
        assertThat(HypothesisEvaluator.conditionsFor(HYPOTHESIS, CheckPhase.BEFORE)).containsExactly(ERRORS);
        assertThat(HypothesisEvaluator.conditionsFor(HYPOTHESIS, CheckPhase.DURING)).containsExactly(ERRORS, LATENCY);
    }

    // --- evaluate ---

    @Test
    void evaluate_usesTheLatestPointByTime_notByListOrder() {
        Evidence e = HypothesisEvaluator.evaluate(ERRORS, CheckPhase.DURING, T0,
                List.of(point(120, 0.4), point(60, 5.0), point(0, 9.0)));

        assertThat(e.value()).hasValue(0.4);
        assertThat(e.held()).isTrue();
        assertThat(e.phase()).isEqualTo(CheckPhase.DURING);
        assertThat(e.time()).isEqualTo(T0);
    }

    @Test
    void evaluate_skipsNaN() {
        Evidence e = HypothesisEvaluator.evaluate(ERRORS, CheckPhase.DURING, T0,
                List.of(point(0, 0.3), point(60, Double.NaN)));

        assertThat(e.value()).hasValue(0.3);
    }

    @Test
    void evaluate_noPoints_isMissing() {
        Evidence e = HypothesisEvaluator.evaluate(ERRORS, CheckPhase.AFTER, T0, List.of());

        assertThat(e.missing()).isTrue();
        assertThat(e.held()).isFalse();
        assertThat(e.breached()).isFalse();
        assertThat(e).hasToString("ErrorRate (after): no data, must be < 1");
    }

    @Test
    void evaluate_valueBreakingTheComparison_isBreached() {
        Evidence e = HypothesisEvaluator.evaluate(ERRORS, CheckPhase.DURING, T0, List.of(point(0, 1.0)));

        assertThat(e.breached()).isTrue();
        assertThat(e).hasToString("ErrorRate (during): 1, must be < 1: BREACHED");
    }

    @Test
    void evaluate_lessThanOrEqual_holdsAtTheThreshold() {
        assertThat(HypothesisEvaluator.evaluate(LATENCY, CheckPhase.DURING, T0, List.of(point(0, 250))).held())
                .isTrue();
    }

    // --- verdict ---

    @Test
    void verdict_everyPhaseReadAndNothingBreached_isHeld() {
        List<Evidence> evidence = List.of(reading(ERRORS, CheckPhase.BEFORE, 0.1),
                reading(ERRORS, CheckPhase.DURING, 0.5), reading(LATENCY, CheckPhase.DURING, 200.0),
                reading(ERRORS, CheckPhase.AFTER, 0.2));

        HypothesisVerdict v = HypothesisEvaluator.verdict(HYPOTHESIS, evidence, List.of());

        assertThat(v.verdict()).isEqualTo(Verdict.HELD);
        assertThat(v.summary()).isEqualTo("Every condition held in every phase checked (4 readings).");
        assertThat(v.evidence()).isEqualTo(evidence);
    }

    @Test
    void verdict_anyBreach_isRefuted_evenWithMissingReadings() {
        List<Evidence> evidence = List.of(reading(ERRORS, CheckPhase.BEFORE, 0.1),
                reading(LATENCY, CheckPhase.DURING, 900.0));

        HypothesisVerdict v = HypothesisEvaluator.verdict(HYPOTHESIS, evidence, List.of());

        assertThat(v.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(v.summary()).startsWith("Breached: Checkout/p99 (during): 900, must be <= 250: BREACHED at ");
    }

    @Test
    void verdict_noBreachButAPhaseWithoutData_isInconclusive_namingIt() {
        List<Evidence> evidence = List.of(reading(ERRORS, CheckPhase.BEFORE, 0.1),
                reading(ERRORS, CheckPhase.DURING, null), reading(LATENCY, CheckPhase.DURING, 100.0),
                reading(ERRORS, CheckPhase.AFTER, 0.1));

        HypothesisVerdict v = HypothesisEvaluator.verdict(HYPOTHESIS, evidence, List.of());

        assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(v.summary()).isEqualTo("No breach, but no data for: ErrorRate (during).");
    }

    @Test
    void verdict_aPhaseNeverRead_isInconclusive() {
        HypothesisVerdict v = HypothesisEvaluator.verdict(HYPOTHESIS,
                List.of(reading(ERRORS, CheckPhase.BEFORE, 0.1)), List.of());

        assertThat(v.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(v.summary()).contains("ErrorRate (during)", "Checkout/p99 (during)", "ErrorRate (after)")
                .doesNotContain("(before)");
    }

    @Test
    void verdict_keepsTheSeries() {
        MetricSeries s = new MetricSeries(ERRORS, List.of(point(0, 0.1)));

        HypothesisVerdict v = HypothesisEvaluator.verdict(HYPOTHESIS, List.of(), List.of(s));

        assertThat(v.series()).containsExactly(s);
        assertThat(v.toString()).startsWith("INCONCLUSIVE: No breach");
    }

    // --- check ---

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void check_readsEachConditionOfThePhaseOverItsLookbackWindow() {
        List<String> windows = new ArrayList<>();
        MetricSource source = (c, from, to) -> {
            windows.add(HypothesisEvaluator.label(c) + " " + from + " " + to);
            return CompletableFuture.completedFuture(List.of(new MetricPoint(from, 0.2)));
        };

        List<Evidence> evidence = HypothesisEvaluator.check(source, HYPOTHESIS, CheckPhase.DURING, T0).join();

        assertThat(evidence).extracting(Evidence::label).containsExactly("ErrorRate", "Checkout/p99");
        assertThat(evidence).allMatch(Evidence::held);
        assertThat(windows).containsExactly("ErrorRate 2026-11-27T09:55:00Z 2026-11-27T10:00:00Z",
                "Checkout/p99 2026-11-27T09:57:30Z 2026-11-27T10:00:00Z");
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void check_aFailingMetricSource_givesMissingEvidence_notAFailedFuture() {
        MetricSource source = (c, from, to) -> c.equals(ERRORS)
                ? CompletableFuture.failedFuture(new IllegalStateException("throttled"))
                : CompletableFuture.completedFuture(List.of(new MetricPoint(from, 900)));

        CompletableFuture<List<Evidence>> result = HypothesisEvaluator.check(source, HYPOTHESIS, CheckPhase.DURING, T0);

        assertThat(result).succeedsWithin(Duration.ofSeconds(5));
        List<Evidence> evidence = result.join();
        assertThat(evidence.get(0).missing()).isTrue();
        assertThat(evidence.get(1).breached()).isTrue();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void check_aSourceThatThrowsOrReturnsNothing_givesMissingEvidence() {
        MetricSource throwing = (c, from, to) -> {
            throw new IllegalArgumentException("bad dimension");
        };
        MetricSource noFuture = (c, from, to) -> null;
        MetricSource nullList = (c, from, to) -> CompletableFuture.completedFuture(null);

        for (MetricSource source : List.of(throwing, noFuture, nullList)) {
            List<Evidence> evidence = HypothesisEvaluator.check(source, HYPOTHESIS, CheckPhase.BEFORE, T0).join();
            assertThat(evidence).hasSize(1).allMatch(Evidence::missing);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void check_waitsForSlowReadsAndKeepsTheConditionOrder() {
        CompletableFuture<List<MetricPoint>> slow = new CompletableFuture<>();
        MetricSource source = (c, from, to) -> c.equals(ERRORS) ? slow
                : CompletableFuture.completedFuture(List.of(new MetricPoint(from, 10)));

        CompletableFuture<List<Evidence>> result = HypothesisEvaluator.check(source, HYPOTHESIS, CheckPhase.DURING, T0);

        assertThat(result).isNotDone();
        slow.complete(List.of(new MetricPoint(T0, 3.0)));
        assertThat(result).isDone();
        assertThat(result.join()).extracting(e -> e.value().getAsDouble()).containsExactly(3.0, 10.0);
    }

    @Test
    void check_noConditionsInThePhase_completesWithNoEvidence() {
        Hypothesis duringOnly = Hypothesis.builder().addCondition(LATENCY).build();

        assertThat(HypothesisEvaluator.check((c, f, t) -> {
            throw new AssertionError("must not read");
        }, duringOnly, CheckPhase.AFTER, T0)).isCompletedWithValue(List.of());
    }
}
