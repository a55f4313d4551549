package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Determinism: histories recorded from real runs (in {@code src/test/resources/histories/})
 * replay against the current workflow code. A change that alters the decisions of a workflow
 * already running fails here; guard such a change with {@code Workflow.getVersion} and record a
 * new history beside the old ones:
 * {@code mvn -pl chaos-temporal -am verify -Dtest=WorkflowReplayTest -Dfaultline.recordHistories=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WorkflowReplayTest {

    /** The recorded histories: name and what they cover. */
    static final List<String> HISTORIES = List.of("experiment-held.json", "experiment-refuted.json",
            "experiment-stop-signal.json", "campaign-stopped-by-refuted.json");

    static Stream<String> histories() {
        return HISTORIES.stream();
    }

    @ParameterizedTest
    @MethodSource("histories")
    void replay_recordedHistory_isDeterministicWithTheCurrentCode(String name) {
        String json = resource("/histories/" + name);
        assertThat(json).contains("FaultlineExperiment");
        // the workflow id is part of the decisions (client tokens, child ids): replay under the recorded one
        String workflowId = "history-" + name.replaceAll("^(experiment|campaign)-", "").replaceAll("\\.json$", "")
                .replace("stop-signal", "stop").replace("stopped-by-refuted", "campaign");
        if (name.startsWith("campaign")) {
            workflowId = "history-campaign";
        }
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(json, workflowId);
        // replayed with the worker's own activity options, as FaultlineWorker registers the workflows
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("replay", WorkerOptions.newBuilder().setDefaultDeadlockDetectionTimeout(10_000).build());
            FaultlineWorker.registerWorkflows(worker, Duration.ofSeconds(1));
            assertThatCode(() -> WorkflowReplayer.replayWorkflowExecution(history, worker))
                    .doesNotThrowAnyException();
        }
    }

    private static String resource(String path) {
        try (InputStream in = WorkflowReplayTest.class.getResourceAsStream(path)) {
            assertThat(in).as("recorded history %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records the histories into the source tree; runs only when asked. */
    @Test
    @Timeout(300)
    @EnabledIfSystemProperty(named = "faultline.recordHistories", matches = "true")
    void record() throws IOException {
        Path dir = Path.of("src/test/resources/histories");
        Files.createDirectories(dir);
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
                TemporalFixture fx = new TemporalFixture()) {
            FaultlineWorker worker = FaultlineWorker.builder().client(env.getWorkflowClient())
                    .clients(TargetClients.of(fx.fis, fx.cloudWatch)).config(TemporalFixture.config())
                    .clock(fx.clock).heartbeat(Duration.ofSeconds(1)).build().start();
            FaultlineClient client = FaultlineClient.of(env.getWorkflowClient(), FaultlineWorker.DEFAULT_TASK_QUEUE);
            fx.feed(1, 2);
            String held = client.startRun(RunRequest.of(fx.nodeLoss("held")), "history-held");
            client.runResult(held).join();
            write(env, dir, held, "experiment-held.json");

            String stop = client.startRun(RunRequest.of(fx.nodeLoss("stop", Duration.ofMinutes(60))), "history-stop");
            TemporalFixture.await(() -> client.runStatus(stop).phase() == RunPhase.RUNNING
                    && !client.runStatus(stop).experimentId().isEmpty());
            client.requestStop(stop, "recorded stop");
            client.runResult(stop).join();
            write(env, dir, stop, "experiment-stop-signal.json");

            fx.feed(1, 50);
            String refuted = client.startRun(RunRequest.of(fx.nodeLoss("refuted")), "history-refuted");
            client.runResult(refuted).join();
            write(env, dir, refuted, "experiment-refuted.json");

            String campaign = client.startCampaign(new CampaignRequest("recorded", List.of(
                    RunRequest.of(fx.nodeLoss("one")), RunRequest.of(fx.nodeLoss("two"))), List.of(), 0, 0,
                    CampaignOrdering.SEQUENTIAL, Set.of(CampaignStop.REFUTED)), "history-campaign");
            client.campaignResult(campaign).join();
            write(env, dir, campaign, "campaign-stopped-by-refuted.json");
            worker.close();
        }
    }

    private static void write(TestWorkflowEnvironment env, Path dir, String workflowId, String name)
            throws IOException {
        Files.writeString(dir.resolve(name), env.getWorkflowClient().fetchHistory(workflowId).toJson(true));
    }
}
