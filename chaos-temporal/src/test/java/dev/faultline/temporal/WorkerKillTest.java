package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    @BeforeEach
    void setUp() {
        server = DevServer.start(0);
        connection = Connection.to(server.target(), "default");
        fx = new TemporalFixture();
        client = FaultlineClient.of(connection.client(), FaultlineWorker.DEFAULT_TASK_QUEUE);
    }

    @AfterEach
    void tearDown() {
        connection.close();
        server.close();
        fx.close();
    }

    private FaultlineWorker worker() {
        return FaultlineWorker.builder().client(connection.client()).clients(TargetClients.of(fx.fis, fx.cloudWatch))
                .config(TemporalFixture.config()).clock(fx.clock).heartbeat(Duration.ofSeconds(1)).sticky(false).build();
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
        } finally {
            second.close();
        }
    }
}
