package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.validation.Validator;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.ManualClock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * docs/preflight.md: "the stop-condition, steady-state and permission checks run concurrently".
 * Each check's first call is held until the three are in flight together.
 */
@Timeout(60)
class PreflightConcurrencyTest {

    private final ManualClock clock = Clocks.manual();
    private PreflightFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = PreflightFixture.withIamStub(clock);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void check_stopConditionsSteadyStateAndPermissions_haveTheirCallsInFlightAtOnce() {
        InFlightGate gate = new InFlightGate(Set.of("describeAlarms", "getMetricData", "simulatePrincipalPolicy"),
                Duration.ofSeconds(10));
        CloudWatchAsyncClient cloudWatch = gate.wrap(CloudWatchAsyncClient.class, fx.cloudWatch);
        EngineContext context = new EngineContext(fx.fis, cloudWatch, gate.wrap(IamAsyncClient.class, fx.iam()), fx.calls,
                new CloudWatchMetricSource(cloudWatch, fx.calls), Validator.standard(), PreflightFixture.CONFIG,
                clock, fx.scheduler);

        Preflight p = new PreflightRunner(context).check(fx.nodeLoss("Worker").hypothesis(steadyState("errors")
                .metric("App", "Errors").sum().per(Duration.ofMinutes(1)).below(5)).build(),
                RunOptions.builder().preview(false).build()).join();

        assertThat(p.passed()).as(p.toString()).isTrue();
        assertThat(p.checks()).filteredOn(c -> Set.of(PreflightCheck.STOP_CONDITIONS, PreflightCheck.STEADY_STATE,
                PreflightCheck.PERMISSIONS).contains(c.name())).extracting(PreflightCheck::status)
                .containsOnly(PreflightCheck.Status.PASSED).hasSize(3);
        assertThat(gate.together()).as("the three checks' calls were in flight at the same moment").isTrue();
        assertThat(gate.mostInFlight()).isEqualTo(3);
    }
}
