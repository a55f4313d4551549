package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static dev.faultline.aws.engine.EngineFixture.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.ReceivedRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * The engine's last lines of defence: the default watchdog (planned duration plus
 * {@link EngineConfig#watchdogMargin()}) and a stop that is sent again when it failed.
 */
@Timeout(120)
class FisEngineWatchdogTest {

    private final EngineFixture fx = new EngineFixture();
    private FisEngine engine;
    private HoldingProxy proxy;
    private FisAsyncClient proxied;

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        if (proxied != null) {
            proxied.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        fx.close();
    }

    /** GetExperiment polls of one experiment that LocalFis has received. */
    private long polls(String experimentId) {
        return fx.localFis.received().stream()
                .filter(r -> r.method().equals("GET") && r.path().equals("/experiments/" + experimentId)).count();
    }

    @Test
    void defaultWatchdog_anExperimentThatNeverEnds_isStoppedExactlyAtItsPlannedDurationPlusTheMargin() {
        // the engine's clock moves, LocalFis's stands still: to the engine the experiment never ends
        ManualClock engineClock = Clocks.manual();
        engine = fx.engine(EngineFixture.testConfig().build(), engineClock).build();
        Experiment nodeLoss = fx.nodeLoss();
        Duration limit = ExperimentPlan.of(nodeLoss).totalDuration().plus(EngineConfig.builder().build()
                .watchdogMargin());
        assertThat(limit).as("5 min of stopped instances + the 5 min default margin")
                .isGreaterThanOrEqualTo(Duration.ofMinutes(10));

        ExperimentRun run = engine.start(nodeLoss, RunOptions.builder().preview(false).build()).join();
        fx.clock.advance(Duration.ofSeconds(2));
        await("the run is RUNNING", () -> run.state() == RunState.RUNNING);

        engineClock.advance(limit.minusMillis(1));
        long seen = polls(run.experimentId());
        await("three more polls at LocalFis", () -> polls(run.experimentId()) >= seen + 3);
        assertThat(run.events()).as("1 ms before the deadline").noneMatch(RunEvent.StopRequested.class::isInstance);
        assertThat(fx.localFis.received()).noneMatch(ReceivedRequest::isStopExperiment);

        engineClock.advance(Duration.ofMillis(1));
        RunEvent.StopRequested stop = awaitEvent(run, RunEvent.StopRequested.class, e -> true);
        assertThat(stop.source()).isEqualTo(StopSource.WATCHDOG);
        assertThat(stop.reason()).contains("timeout " + limit);
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.WATCHDOG);
        assertThat(fx.localFis.received()).filteredOn(ReceivedRequest::isStopExperiment).hasSize(1);
    }

    @Test
    void stop_thatFailsOnce_isSentAgain_andTheExperimentEndsStopped() throws Exception {
        proxy = new HoldingProxy(fx.localFis.endpoint());
        proxied = FisAsyncClient.builder().endpointOverride(proxy.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        // one attempt per call, in the SDK and in the engine's call gate: the re-send is the run's
        engine = FisEngine.builder().fis(proxied).cloudWatch(fx.cloudWatch).clock(fx.clock)
                .config(EngineFixture.testConfig().maxAttempts(1).build()).build();
        HoldingProxy.Rule failStop = proxy.rule("DELETE", "/experiments/", HoldingProxy.Mode.FAIL);
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        fx.clock.advance(Duration.ofSeconds(2));
        await("the run is RUNNING", () -> run.state() == RunState.RUNNING);

        run.stop("enough for today");
        failStop.awaitSeen();
        await("the stop sent again reaches LocalFis", () -> fx.localFis.received().stream()
                .anyMatch(ReceivedRequest::isStopExperiment));
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();

        assertThat(failStop.hits()).as("StopExperiment answered 500 once, at the proxy").isEqualTo(1);
        assertThat(fx.localFis.received()).filteredOn(ReceivedRequest::isStopExperiment)
                .as("the second StopExperiment, the only one LocalFis saw").hasSize(1);
        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.CALLER);
        assertThat(fx.localFis.experimentStatus(run.experimentId())).contains("stopped");
        assertThat(outcome.events()).filteredOn(RunEvent.StopRequested.class::isInstance).hasSize(1);
    }
}
