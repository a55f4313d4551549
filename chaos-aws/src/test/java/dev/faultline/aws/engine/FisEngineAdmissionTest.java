package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * Admission under FIS's quota of active experiments, against LocalFis on a scaled clock (one
 * simulated minute per 100 ms), which itself refuses a sixth active experiment with
 * {@code ServiceQuotaExceededException}.
 */
@Timeout(120)
class FisEngineAdmissionTest {

    private final List<AutoCloseable> closing = new ArrayList<>();
    private LocalFis localFis;
    private FisAsyncClient fis;
    private Clock clock;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private FisEngine engine(EngineConfig.Builder config) {
        clock = Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(100));
        localFis = LocalFis.builder().clock(clock).seed(3).inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                .alarms(a -> a.create(EngineFixture.ALARM)).start();
        closing.add(localFis);
        fis = SdkClients.fis(localFis);
        CloudWatchAsyncClient cloudWatch = SdkClients.cloudWatch(localFis);
        closing.add(fis);
        closing.add(cloudWatch);
        FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cloudWatch).clock(clock)
                .config(config.pollInterval(Duration.ofMillis(50)).fastPollInterval(Duration.ofMillis(20))
                        .watchdogMargin(Duration.ofHours(10)).build()).build();
        closing.add(engine);
        return engine;
    }

    private Experiment nodeLoss() {
        return EngineFixture.nodeLossDraft(localFis, "Worker", Duration.ofMinutes(5)).build();
    }

    @Test
    void twentyRunsInOneAccount_allFinish_neverMoreThanFiveActive_exactlyTwentyExperiments() {
        FisEngine engine = engine(EngineFixture.testConfig());
        List<CompletableFuture<RunOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(engine.start(nodeLoss(), RunOptions.builder().preview(false).build())
                    .thenCompose(ExperimentRun::completion));
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();

        int queued = 0;
        for (CompletableFuture<RunOutcome> f : outcomes) {
            RunOutcome outcome = f.join();
            assertThat(outcome.state()).as(outcome.toString()).isEqualTo(RunState.COMPLETED);
            if (outcome.events().get(0) instanceof RunEvent.RunQueued) {
                queued++;
                assertThat(outcome.events().get(1)).isInstanceOfSatisfying(RunEvent.StateChanged.class, c -> {
                    assertThat(c.from()).isEqualTo(RunState.QUEUED);
                    assertThat(c.to()).isEqualTo(RunState.PENDING);
                });
            }
        }
        assertThat(queued).as("runs that waited for a slot").isEqualTo(15);
        List<software.amazon.awssdk.services.fis.model.Experiment> all = experiments();
        assertThat(all).hasSize(20);
        assertThat(maxOverlap(all)).as("most experiments active at once").isEqualTo(5);
        assertThat(engine.queued()).isEmpty();
    }

    @Test
    void aCapBelowTheQuota_isNeverExceeded() {
        FisEngine engine = engine(EngineFixture.testConfig().maxActivePerAccount(2));
        List<CompletableFuture<RunOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            outcomes.add(engine.start(nodeLoss(), RunOptions.builder().preview(false).build())
                    .thenCompose(ExperimentRun::completion));
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();

        List<software.amazon.awssdk.services.fis.model.Experiment> all = experiments();
        assertThat(all).hasSize(6);
        assertThat(maxOverlap(all)).isEqualTo(2);
    }

    @Test
    void aQueuedStart_canBeCancelled_andCreatesNothing() {
        FisEngine engine = engine(EngineFixture.testConfig().maxActivePerAccount(1));
        ExperimentRun first = engine.start(longRun(), RunOptions.builder().preview(false).build()).join();
        CompletableFuture<ExperimentRun> second = engine.start(longRun(), RunOptions.builder().preview(false).build());
        await(() -> engine.queued().size() == 1);
        QueuedStart waiting = engine.queued().get(0);
        assertThat(waiting.state()).isEqualTo(RunState.QUEUED);
        assertThat(waiting.ahead()).isEqualTo(1);
        assertThat(waiting.account()).isEqualTo("123456789012/us-east-1");

        assertThat(second.cancel(true)).isTrue();

        assertThat(waiting.state()).isEqualTo(RunState.CANCELLED);
        assertThat(engine.queued()).isEmpty();
        first.stop("done").join();
        assertThat(experiments()).hasSize(1);
    }

    @Test
    void aQueuedStart_honoursTheRunsTimeout() {
        FisEngine engine = engine(EngineFixture.testConfig().maxActivePerAccount(1));
        ExperimentRun first = engine.start(longRun(), RunOptions.builder().preview(false).build()).join();
        CompletableFuture<ExperimentRun> second = engine.start(longRun(), RunOptions.builder().preview(false)
                .timeout(Duration.ofMinutes(2)).build());

        assertThatThrownBy(second::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(EngineException.class).hasMessageContaining("timeout of PT2M ran out");
        assertThat(engine.queued()).isEmpty();
        assertThat(first.state()).isNotEqualTo(RunState.COMPLETED);
        first.stop("done").join();
        assertThat(experiments()).hasSize(1);
    }

    @Test
    void quotaExceededFromFis_isBackPressure_theStartWaitsAndReusesItsClientToken() {
        FisEngine engine = engine(EngineFixture.testConfig().quotaRetryInterval(Duration.ofMinutes(1)));
        // another controller holds all five slots of the account
        String other = fis.createExperimentTemplate(dev.faultline.aws.FisCompiler.create()
                .createRequest(longRun(), "other-controller")).join().experimentTemplate().id();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String token = "other-" + i;
            others.add(fis.startExperiment(b -> b.experimentTemplateId(other).clientToken(token)).join()
                    .experiment().id());
        }
        CompletableFuture<ExperimentRun> mine = engine.start(nodeLoss(), RunOptions.builder().preview(false).build());
        Instant refusedUntil = clock.instant().plus(Duration.ofMinutes(3));
        await(() -> !clock.instant().isBefore(refusedUntil));
        assertThat(mine).as("still waiting for FIS").isNotDone();

        for (String id : others) {
            fis.stopExperiment(b -> b.id(id)).join();
        }
        RunOutcome outcome = mine.thenCompose(ExperimentRun::completion).join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(experiments()).hasSize(6);
        assertThat(experiments().stream().filter(e -> e.experimentTemplateId().equals(outcome.templateId().get())))
                .as("one experiment for the run's template: every retry carried the same client token").hasSize(1);
    }

    private Experiment longRun() {
        return EngineFixture.nodeLossDraft(localFis, "Worker", Duration.ofHours(2)).build();
    }

    private List<software.amazon.awssdk.services.fis.model.Experiment> experiments() {
        List<software.amazon.awssdk.services.fis.model.Experiment> out = new ArrayList<>();
        for (ExperimentSummary s : fis.listExperiments(b -> b.maxResults(100)).join().experiments()) {
            out.add(fis.getExperiment(b -> b.id(s.id())).join().experiment());
        }
        return out;
    }

    /** The most experiments whose [creation, end) intervals overlap, on LocalFis's clock. */
    private static int maxOverlap(List<software.amazon.awssdk.services.fis.model.Experiment> all) {
        List<long[]> edges = new ArrayList<>();
        for (var e : all) {
            assertThat(e.endTime()).as("experiment %s has ended", e.id()).isNotNull();
            edges.add(new long[] {e.creationTime().toEpochMilli(), 1});
            edges.add(new long[] {e.endTime().toEpochMilli(), -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int active = 0;
        int max = 0;
        for (long[] edge : edges) {
            active += (int) edge[1];
            max = Math.max(max, active);
        }
        return max;
    }
}
