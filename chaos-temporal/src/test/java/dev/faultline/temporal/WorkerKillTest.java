package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunJournal;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * A worker killed mid-run and replaced: on the standalone dev server over gRPC (as
 * {@code demo --durable} runs it), since the in-process test environment does not hand a retried
 * activity from a killed worker's dropped poll to the new worker.
 */
@Timeout(180)
class WorkerKillTest {

    private DevServer server;
    private Connection connection;
    private TemporalFixture fx;
    private FaultlineClient client;
    private RunJournal journal;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        server = DevServer.start(0);
        connection = Connection.to(server.target(), "default");
        fx = new TemporalFixture();
        journal = FileRunJournal.open(dir);
        client = FaultlineClient.of(connection.client(), FaultlineWorker.DEFAULT_TASK_QUEUE);
    }

    @AfterEach
    void tearDown() {
        journal.close();
        connection.close();
        server.close();
        fx.close();
    }

    /** A worker journaling to the journal both share, as workers sharing a database would. */
    private FaultlineWorker worker() {
        return FaultlineWorker.builder().client(connection.client()).clients(TargetClients.of(fx.fis, fx.cloudWatch))
                .config(TemporalFixture.config()).clock(fx.clock).heartbeat(Duration.ofSeconds(1)).sticky(false)
                .recorder(RunRecorder.journal(journal, "worker")).build();
    }

    @Test
    void workerKilledMidRun_aNewWorkerFinishesTheSameExperimentWithTheRightOutcome() {
        fx.feed(1, 2);
        FaultlineWorker first = worker().start();
        String id = client.startRun(RunRequest.of(fx.nodeLoss("durable", Duration.ofHours(3))));
        TemporalFixture.await(() -> {
            RunStatus s = client.runStatus(id);
            return s.phase() == RunPhase.RUNNING && s.actions().containsValue("RUNNING");
        });
        String experimentId = client.runStatus(id).experimentId();

        first.kill();
        assertThat(fx.localFis.experimentStatus(experimentId)).as("a dying worker leaves the experiment running")
                .contains("running");
        FaultlineWorker second = worker().start();
        try {
            RunResult result = client.runResult(id).join();

            assertThat(result.state()).isEqualTo("COMPLETED");
            assertThat(result.verdict()).isEqualTo("HELD");
            assertThat(result.experimentId()).isEqualTo(experimentId);
            assertThat(fx.experiments()).singleElement().extracting(ExperimentSummary::id).isEqualTo(experimentId);
            // journaled once across both workers: one run, one start, one end, its verdict
            assertThat(journal.query(JournalQuery.builder().build()).runs()).singleElement()
                    .satisfies(r -> assertThat(r.experimentId()).isEqualTo(experimentId));
            JournaledRun run = journal.find(JournalRunRecorder.runId(id, experimentId)).orElseThrow();
            assertThat(run.events()).filteredOn(e -> e instanceof RunEvent.RunStarted).hasSize(1);
            assertThat(run.events()).filteredOn(e -> e instanceof RunEvent.RunCompleted).hasSize(1);
            assertThat(run.events()).filteredOn(e -> e instanceof RunEvent.RunFailed).isEmpty();
            assertThat(run.state()).isEqualTo(RunState.COMPLETED);
            assertThat(run.verdict()).isEqualTo("HELD");
        } finally {
            second.close();
        }
    }
}
