package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.ERRORS;
import static dev.faultline.aws.engine.EngineFixture.await;
import static dev.faultline.aws.engine.EngineFixture.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.CheckPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The steady-state hypothesis during and after a run: metrics fed into LocalFis's CloudWatch,
 * read by the engine's default metric source (GetMetricData).
 */
@Timeout(60)
class FisEngineHypothesisTest {

    private static final RunOptions NO_PREVIEW = RunOptions.builder().preview(false).build();

    private EngineFixture fx;
    private FisEngine engine;
    private Instant t0;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        t0 = fx.clock.instant();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        fx.close();
    }

    /** One value every 30 s from 10 minutes before the start: {@code before} until t0, then {@code during}. */
    private void feed(double before, double during) {
        double[] early = new double[20];
        Arrays.fill(early, before);
        fx.localFis.alarms().putMetricSeries(ERRORS, t0.minus(Duration.ofMinutes(10)), Duration.ofSeconds(30), early);
        double[] late = new double[240];
        Arrays.fill(late, during);
        fx.localFis.alarms().putMetricSeries(ERRORS, t0, Duration.ofSeconds(30), late);
    }

    @Test
    void hypothesis_breachDuringTheRun_stopsItAndIsRefuted() {
        feed(1, 10);
        ExperimentRun run = engine.start(fx.nodeLossWithHypothesis(Duration.ofMinutes(2)), NO_PREVIEW).join();
        fx.clock.advance(Duration.ofSeconds(2));

        RunEvent.StopRequested stop = awaitEvent(run, RunEvent.StopRequested.class, e -> true);
        assertThat(stop.source()).isEqualTo(StopSource.HYPOTHESIS);
        assertThat(stop.reason()).contains("errors").contains("BREACHED");
        // the clock stands until LocalFis has the stop: advanced earlier, the 5-minute action could end first
        await("the stop applied in LocalFis", () -> fx.localFis.experimentStatus(run.experimentId())
                .filter(status -> status.equals("stopping") || status.equals("stopped")).isPresent());
        fx.advanceUntilDone(run, Duration.ofSeconds(30));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.HYPOTHESIS);
        HypothesisVerdict verdict = outcome.verdict().orElseThrow();
        assertThat(verdict.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(verdict.evidence()).anySatisfy(e -> {
            assertThat(e.phase()).isEqualTo(CheckPhase.DURING);
            assertThat(e.breached()).isTrue();
            assertThat(e.value().getAsDouble()).isEqualTo(10.0);
        });
        assertThat(verdict.evidence()).filteredOn(e -> e.phase() == CheckPhase.BEFORE)
                .singleElement().satisfies(e -> assertThat(e.held()).isTrue());
        assertThat(outcome.succeeded()).isFalse();
        FisEngineTest.assertLegalOrder(outcome.events());
    }

    @Test
    void hypothesis_breachWhileObserveOnly_doesNotStopTheRun() {
        feed(1, 10);
        ExperimentRun run = engine.start(fx.nodeLossWithHypothesis(Duration.ofMinutes(2)),
                RunOptions.builder().preview(false).observeOnly(true).build()).join();
        fx.clock.advance(Duration.ofSeconds(2));
        RunEvent.HypothesisChecked checked = awaitEvent(run, RunEvent.HypothesisChecked.class,
                e -> e.phase() == CheckPhase.DURING);
        assertThat(checked.held()).isFalse();

        fx.advanceUntilDone(run, Duration.ofSeconds(30));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(outcome.stopSource()).isEmpty();
        assertThat(outcome.events()).noneMatch(RunEvent.StopRequested.class::isInstance);
        assertThat(outcome.verdict().orElseThrow().verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(outcome.succeeded()).isFalse();
    }

    @Test
    void hypothesis_heldBeforeDuringAndAfter_isHeldWithSeriesForTheReport() {
        feed(1, 2);
        ExperimentRun run = engine.start(fx.nodeLossWithHypothesis(Duration.ofMinutes(2)), NO_PREVIEW).join();
        fx.clock.advance(Duration.ofSeconds(2));
        awaitEvent(run, RunEvent.HypothesisChecked.class, e -> e.phase() == CheckPhase.DURING);
        fx.clock.advance(Duration.ofMinutes(5));
        await(() -> run.state() == RunState.COMPLETED);
        assertThat(run.completion()).as("waits for the recovery window on the clock").isNotDone();

        fx.advanceUntilDone(run, Duration.ofSeconds(30));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        HypothesisVerdict verdict = outcome.verdict().orElseThrow();
        assertThat(verdict.verdict()).as(verdict.summary()).isEqualTo(Verdict.HELD);
        assertOneReadingBeforeAndAfter_andOnePerDuringCheck(run, verdict);
        Evidence after = verdict.evidence().stream().filter(e -> e.phase() == CheckPhase.AFTER).findFirst()
                .orElseThrow();
        assertThat(after.time()).isAfterOrEqualTo(outcome.endTime().orElseThrow().plus(Duration.ofMinutes(2)));
        // one point per one-minute period (the last one may be partial), from five periods before the start
        // to the AFTER reading: the fed data covers all of them
        long seconds = Duration.between(outcome.startTime().orElseThrow().minus(Duration.ofMinutes(5)), after.time())
                .toSeconds();
        int periods = (int) ((seconds + 59) / 60);
        assertThat(verdict.series()).singleElement().satisfies(s -> assertThat(s.points()).hasSize(periods));
        assertThat(run.events()).filteredOn(RunEvent.HypothesisChecked.class::isInstance)
                .extracting(e -> ((RunEvent.HypothesisChecked) e).phase()).containsOnlyOnce(CheckPhase.AFTER);
        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    void hypothesis_noData_isInconclusive() {
        ExperimentRun run = engine.start(fx.nodeLossWithHypothesis(Duration.ofMinutes(1)), NO_PREVIEW).join();
        fx.clock.advance(Duration.ofSeconds(2));
        awaitEvent(run, RunEvent.HypothesisChecked.class, e -> e.phase() == CheckPhase.DURING);
        fx.advanceUntilDone(run, Duration.ofSeconds(30));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        HypothesisVerdict verdict = outcome.verdict().orElseThrow();
        assertThat(verdict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertOneReadingBeforeAndAfter_andOnePerDuringCheck(run, verdict);
        assertThat(verdict.evidence()).allMatch(Evidence::missing);
        assertThat(verdict.summary()).contains("errors");
        assertThat(outcome.succeeded()).as("inconclusive is not refuted").isTrue();
    }

    /**
     * The verdict's readings: exactly one BEFORE, exactly one AFTER, and as many DURING as the run published
     * DURING checks (how many polls the run saw depends on the test's steps, so the events give the count).
     */
    private static void assertOneReadingBeforeAndAfter_andOnePerDuringCheck(ExperimentRun run,
            HypothesisVerdict verdict) {
        long duringChecks = run.events().stream().filter(RunEvent.HypothesisChecked.class::isInstance)
                .map(RunEvent.HypothesisChecked.class::cast).filter(e -> e.phase() == CheckPhase.DURING).count();
        assertThat(duringChecks).as("DURING checks published").isPositive();
        assertThat(verdict.evidence()).extracting(Evidence::phase).as(verdict.evidence().toString())
                .containsOnlyOnce(CheckPhase.BEFORE, CheckPhase.AFTER)
                .filteredOn(p -> p == CheckPhase.DURING).hasSize((int) duringChecks);
    }
}
