package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.PreflightCheck.Status;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.SteadyState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.MetricId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SteadyStateCheckTest {

    private static final MetricId ERRORS = MetricId.of("App", "Errors", "Service", "checkout");
    private static final Instant NOW = Clocks.EPOCH;

    private PreflightFixture fx;

    @BeforeEach
    void start() {
        fx = PreflightFixture.start(Clocks.manual(NOW));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static SteadyState errors() {
        return steadyState("errors under 5 a minute").metric("App", "Errors").dimension("Service", "checkout")
                .sum().per(Duration.ofMinutes(1)).below(5);
    }

    private Experiment withHypothesis(SteadyState condition) {
        return fx.nodeLoss("Worker").hypothesis(condition).build();
    }

    private void feed(double... perMinute) {
        fx.local.alarms().putMetricSeries(ERRORS, NOW.minus(Duration.ofMinutes(perMinute.length)),
                Duration.ofMinutes(1), perMinute);
    }

    @Test
    void check_latestValueHolds_passesWithTheEvidence() {
        feed(9, 2, 1, 0, 2);

        PreflightCheck c = new SteadyStateCheck(fx.context).check(withHypothesis(errors())).join();

        assertThat(c.name()).isEqualTo(PreflightCheck.STEADY_STATE);
        assertThat(c.status()).isEqualTo(Status.PASSED);
        assertThat(c.message()).isEqualTo("in steady state: errors under 5 a minute (before): 2, must be < 5: held");
    }

    @Test
    void check_latestValueBreaches_failsNotInSteadyState() {
        feed(1, 2, 1, 0, 7);

        PreflightCheck c = new SteadyStateCheck(fx.context).check(withHypothesis(errors())).join();

        assertThat(c.status()).isEqualTo(Status.FAILED);
        assertThat(c.message()).startsWith("not in steady state: errors under 5 a minute (before): 7, must be < 5: BREACHED");
    }

    @Test
    void check_noData_warnsThatTheSteadyStateIsNotConfirmed() {
        PreflightCheck c = new SteadyStateCheck(fx.context).check(withHypothesis(errors())).join();

        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.message()).contains("no data for: errors under 5 a minute (before): no data")
                .doesNotContain("read failed");
    }

    @Test
    void check_dataOfOtherDimensionsOnly_warnsNoData() {
        fx.local.alarms().putMetricSeries(MetricId.of("App", "Errors", "Service", "cart"),
                NOW.minus(Duration.ofMinutes(3)), Duration.ofMinutes(1), 1, 1, 1);

        PreflightCheck c = new SteadyStateCheck(fx.context).check(withHypothesis(errors())).join();

        assertThat(c.status()).isEqualTo(Status.WARNING);
    }

    @Test
    void check_readFails_warnsNamingTheError() {
        MetricSource failing = (condition, from, to) -> CompletableFuture.failedFuture(
                new IllegalStateException("CloudWatch unreachable"));
        EngineContext context = new EngineContext(fx.fis, fx.cloudWatch, null, fx.calls, failing,
                Validator.standard(), PreflightFixture.CONFIG, fx.local.clock(), fx.scheduler);

        PreflightCheck c = new SteadyStateCheck(context).check(withHypothesis(errors())).join();

        assertThat(c.status()).isEqualTo(Status.WARNING);
        assertThat(c.message()).contains("the read failed: IllegalStateException: CloudWatch unreachable");
    }

    @Test
    void check_readsTheLastFivePeriodsUpToNow() {
        List<Instant[]> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
        MetricSource recording = (condition, from, to) -> {
            windows.add(new Instant[] {from, to});
            return CompletableFuture.completedFuture(List.of());
        };
        EngineContext context = new EngineContext(fx.fis, fx.cloudWatch, null, fx.calls, recording,
                Validator.standard(), PreflightFixture.CONFIG, fx.local.clock(), fx.scheduler);

        new SteadyStateCheck(context).check(withHypothesis(errors())).join();

        assertThat(windows).hasSize(1);
        assertThat(windows.get(0)).containsExactly(NOW.minus(Duration.ofMinutes(5)), NOW);
    }

    @Test
    void check_noHypothesis_skipped() {
        PreflightCheck c = new SteadyStateCheck(fx.context).check(fx.nodeLoss("Worker").build()).join();

        assertThat(c.status()).isEqualTo(Status.SKIPPED);
        assertThat(c.message()).isEqualTo("no hypothesis");
        assertThat(fx.calls.attempts()).isZero();
    }

    @Test
    void check_noConditionCheckedBefore_skipped() {
        PreflightCheck c = new SteadyStateCheck(fx.context)
                .check(withHypothesis(errors().checked(CheckPhase.DURING, CheckPhase.AFTER))).join();

        assertThat(c.status()).isEqualTo(Status.SKIPPED);
        assertThat(fx.calls.attempts()).isZero();
    }
}
