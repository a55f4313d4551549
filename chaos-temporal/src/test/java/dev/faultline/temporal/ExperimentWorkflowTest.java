package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.testkit.Faults;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/** ExperimentWorkflow on Temporal's test environment (time skipping) against LocalFis. */
@Timeout(120)
class ExperimentWorkflowTest {

    private TestWorkflowEnvironment env;
    private TemporalFixture fx;
    private FaultlineWorker worker;
    private FaultlineClient client;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance();
        fx = new TemporalFixture();
        worker = worker(FaultlineWorker.builder()).start();
        client = FaultlineClient.of(env.getWorkflowClient(), FaultlineWorker.DEFAULT_TASK_QUEUE);
    }

    private FaultlineWorker.Builder base() {
        return FaultlineWorker.builder().client(env.getWorkflowClient())
                .clients(TargetClients.of(fx.fis, fx.cloudWatch))
                .config(TemporalFixture.config()).clock(fx.clock).heartbeat(Duration.ofSeconds(1));
    }

    private FaultlineWorker worker(FaultlineWorker.Builder ignored) {
        return base().build();
    }

    /** Long enough (6 real seconds) to act on the experiment while it runs. */
    private static final Duration LONG = Duration.ofMinutes(60);

    private void awaitRunning(String id) {
        TemporalFixture.await(() -> {
            RunStatus status = client.runStatus(id);
            return status.phase() == RunPhase.RUNNING && !status.experimentId().isEmpty();
        });
    }

    @AfterEach
    void tearDown() {
        worker.close();
        env.close();
        fx.close();
    }

    @Test
    void run_happyPath_completesWithTheHypothesisHeldOneExperimentAndNoTemplateLeft() {
        fx.feed(1, 2);
        String id = client.startRun(RunRequest.of(fx.nodeLoss("happy")));
        RunResult result = client.runResult(id).join();

        assertThat(result.state()).isEqualTo("COMPLETED");
        assertThat(result.verdict()).isEqualTo("HELD");
        assertThat(result.succeeded()).isTrue();
        assertThat(result.actions()).containsExactly(entry("Stop-Instances", "COMPLETED"));
        // one reading before and one after; during, as many as the polls of the run (at least one)
        assertThat(result.readings()).extracting(Reading::phase).containsOnlyOnce("BEFORE", "AFTER").contains("DURING")
                .containsOnly("BEFORE", "DURING", "AFTER");
        assertThat(fx.experiments()).singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(result.experimentId()))
                .satisfies(e -> assertThat(e.tags()).containsEntry("faultline:workflow", id));
        assertThat(fx.templates()).as("the engine's clean-up deleted the template").isZero();
        assertThat(client.runStatus(id).phase()).isEqualTo(RunPhase.FINISHED);
    }

    @Test
    void run_hypothesisBreachedDuringTheRun_isStoppedAndRefuted() {
        worker.close();
        worker = base().metrics(fx.errorsFollowingTheFleet(1, 50)).build().start();
        String id = client.startRun(RunRequest.of(fx.nodeLoss("refuted", LONG)));
        RunResult result = client.runResult(id).join();

        assertThat(result.verdict()).isEqualTo("REFUTED");
        assertThat(result.state()).isEqualTo("STOPPED");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.readings()).anySatisfy(r -> {
            assertThat(r.phase()).isEqualTo("DURING");
            assertThat(r.status()).isEqualTo("breached");
        });
        assertThat(fx.experiments()).hasSize(1);
    }

    @Test
    void run_refusedByThePolicy_startsNothing() {
        worker.close();
        worker = base().policy(SafetyPolicy.production()).build().start();
        fx.feed(1, 2);
        String id = client.startRun(RunRequest.of(fx.nodeLoss("refused")));
        RunResult result = client.runResult(id).join();

        assertThat(result.wasRefused()).isTrue();
        // the policy's one violation, then the validation check that failed on it
        assertThat(result.refusals()).satisfiesExactly(
                r -> assertThat(r).startsWith("/tags/Owner: ERROR policy.tag-required "),
                r -> assertThat(r).startsWith("[FAILED] validation: 1 error(s): "));
        assertThat(result.experimentId()).isEmpty();
        assertThat(fx.experiments()).isEmpty();
        assertThat(fx.templates()).isZero();
    }

    @Test
    void cancel_whileRunning_sendsStopExperimentAndWaitsForTheStoppedState() {
        fx.feed(1, 2);
        String id = client.startRun(RunRequest.of(fx.nodeLoss("cancelled", LONG)).withTimeout(Duration.ofHours(1)));
        awaitRunning(id);
        String experimentId = client.runStatus(id).experimentId();

        client.cancel(id);

        assertThatThrownBy(() -> client.runResult(id).join()).hasCauseInstanceOf(WorkflowFailedException.class)
                .cause().cause().isInstanceOf(CanceledFailure.class);
        assertThat(fx.localFis.experimentStatus(experimentId)).contains("stopped");
        assertThat(fx.experiments()).hasSize(1);
    }

    @Test
    void requestStop_whileRunning_stopsTheExperimentWithTheReason() {
        fx.feed(1, 2);
        String id = client.startRun(RunRequest.of(fx.nodeLoss("stop-signal", LONG)));
        awaitRunning(id);

        client.requestStop(id, "game day over");
        RunResult result = client.runResult(id).join();

        assertThat(result.state()).isEqualTo("STOPPED");
        assertThat(result.stopReason()).isEqualTo("game day over");
        assertThat(fx.localFis.experimentStatus(result.experimentId())).contains("stopped");
    }

    @Test
    void watchdog_aRunLongerThanItsTimeout_isStoppedByTheWorkflowTimer() {
        fx.feed(1, 2);
        // the workers are lost for 6 simulated hours (36 real seconds): the 1 s watchdog fires long before
        String id = client.startRun(RunRequest.of(fx.nodeLoss("watchdog", Duration.ofHours(6)))
                .withTimeout(Duration.ofSeconds(1)));
        RunResult result = client.runResult(id).join();

        assertThat(result.state()).isEqualTo("STOPPED");
        assertThat(result.stopReason()).startsWith("watchdog");
    }

    @Test
    void faults_throttlingResetsAnd5xx_retriedWithExactlyOneTemplateAndOneExperiment(@TempDir Path dir) {
        RunJournal journal = FileRunJournal.open(dir);
        worker.close();
        worker = base().recorder(RunRecorder.journal(journal, "test")).build().start();
        fx.feed(1, 2);
        fx.localFis.faults(Faults.builder().seed(11).throttling(0.2).serverErrors(0.1).lostResponses(0.2)
                .connectionResets(0.1).build());
        String id = client.startRun(RunRequest.of(fx.nodeLoss("faulty")));
        RunResult result = client.runResult(id).join();
        fx.localFis.faults(Faults.none());

        assertThat(result.state()).isEqualTo("COMPLETED");
        assertThat(fx.experiments()).singleElement().extracting(ExperimentSummary::experimentTemplateId)
                .isEqualTo(result.templateId());
        assertThat(fx.templates()).isZero();
        // journaled once, whatever the retried activities repeated
        assertThat(journal.query(JournalQuery.builder().build()).runs()).singleElement()
                .satisfies(r -> assertThat(r.experimentId()).isEqualTo(result.experimentId()));
        assertThat(journal.find(JournalRunRecorder.runId(id, result.experimentId())).orElseThrow().events())
                .filteredOn(e -> e instanceof RunEvent.RunCompleted).hasSize(1);
        journal.close();
    }
}
