package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunJournal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal behind the RunRecorder seam: one run per workflow run, whatever the activities repeat. */
class JournalRunRecorderTest {

    private static final String WORKFLOW = "faultline-run-node-loss-1";
    private static final String EXPERIMENT = "EXP1";
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path dir;

    private static RunRequest request() {
        return RunRequest.of("node-loss", "{\"description\":\"node loss\",\"roleArn\":"
                + "\"arn:aws:iam::123456789012:role/Fis\",\"targets\":{},\"actions\":{},\"stopConditions\":"
                + "[{\"source\":\"none\"}],\"tags\":{\"Team\":\"chaos\"}}");
    }

    /** What a watch attempt sees after attaching: the start, the states so far, then what is new. */
    private static List<RunEvent> attempt(boolean reattached, boolean ends) {
        List<RunEvent> events = new java.util.ArrayList<>(List.of(
                new RunEvent.RunStarted(EXPERIMENT, T, "EXT1", reattached),
                new RunEvent.StateChanged(EXPERIMENT, T, RunState.PENDING, RunState.RUNNING, ""),
                new RunEvent.ActionStateChanged(EXPERIMENT, T, "stop", ActionState.PENDING, ActionState.RUNNING, "")));
        if (ends) {
            events.add(new RunEvent.ActionStateChanged(EXPERIMENT, T.plusSeconds(300), "stop", ActionState.RUNNING,
                    ActionState.COMPLETED, ""));
            events.add(new RunEvent.StateChanged(EXPERIMENT, T.plusSeconds(301), RunState.RUNNING,
                    RunState.COMPLETED, "Experiment completed."));
        } else {
            events.add(new RunEvent.RunFailed(EXPERIMENT, T.plusSeconds(10), new IllegalStateException("worker died")));
        }
        return events;
    }

    @Test
    void recorder_retriedStartAndAWatchReattachedOnAnotherWorker_journalOneRunWithEachEventOnce() {
        try (RunJournal journal = FileRunJournal.open(dir)) {
            RunRecorder first = RunRecorder.journal(journal, "worker-1");
            first.started(WORKFLOW, request(), EXPERIMENT);
            first.started(WORKFLOW, request(), EXPERIMENT);
            attempt(false, false).forEach(e -> first.event(WORKFLOW, e));

            RunRecorder second = RunRecorder.journal(journal, "worker-2");
            attempt(true, true).forEach(e -> second.event(WORKFLOW, e));
            second.finished(WORKFLOW, request(), new RunResult("node-loss", null, List.of(), EXPERIMENT, "EXT1",
                    "COMPLETED", "", "", "", "", Map.of(), List.of(), "reports/EXP1/report.html"));

            assertThat(journal.query(JournalQuery.builder().build()).runs()).hasSize(1);
            JournaledRun run = journal.find(JournalRunRecorder.runId(WORKFLOW, EXPERIMENT)).orElseThrow();
            assertThat(run.header().experimentId()).isEqualTo(EXPERIMENT);
            assertThat(run.header().account()).isEqualTo("123456789012");
            assertThat(run.header().tags()).containsEntry("faultline:workflow", WORKFLOW).containsEntry("Team", "chaos");
            assertThat(run.events()).extracting(JournalRunRecorder::key).containsExactly("RunStarted",
                    "state running", "action stop running", "action stop completed", "state completed");
            assertThat(run.state()).isEqualTo(RunState.COMPLETED);
            assertThat(run.reports()).containsExactly("reports/EXP1/report.html");
        }
    }

    @Test
    void runId_isTheSameOnEveryWorkerAndDiffersPerWorkflowAndExperiment() {
        assertThat(JournalRunRecorder.runId(WORKFLOW, EXPERIMENT)).isEqualTo(JournalRunRecorder.runId(WORKFLOW, EXPERIMENT))
                .isNotEqualTo(JournalRunRecorder.runId(WORKFLOW + "-2", EXPERIMENT))
                .isNotEqualTo(JournalRunRecorder.runId(WORKFLOW, "EXP2"));
    }
}
