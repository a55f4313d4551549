package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An engine with a journal records every run it starts or attaches to, and resumes the unfinished ones. */
@Timeout(60)
class FisEngineJournalTest {

    private EngineFixture fx;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void start_journalsHeaderPreflightEveryEventAndTheOutcome() throws InterruptedException {
        FileRunJournal journal = FileRunJournal.open(dir);
        Experiment experiment = fx.nodeLoss();
        try (FisEngine engine = fx.engine(EngineFixture.testConfig().build()).journal(journal).actor("ci-bot").build()) {
            CompletableFuture<ExperimentRun> starting = engine.start(experiment,
                    RunOptions.builder().putTag("ticket", "CH-1").build());
            while (!starting.isDone()) { // the target preview runs in LocalFis on the test's clock
                fx.clock.advance(Duration.ofSeconds(1));
                Thread.sleep(15);
            }
            ExperimentRun run = starting.join();
            fx.advanceUntilDone(run, Duration.ofMinutes(1));
            RunOutcome outcome = run.completion().join();
            String runId = engine.journalRunId(run).orElseThrow();
            await(() -> journal.find(runId).orElseThrow().finished());

            JournaledRun journaled = journal.find(runId).orElseThrow();
            RunHeader h = journaled.header();
            assertThat(h.experimentId()).isEqualTo(run.experimentId());
            assertThat(h.templateId()).isEqualTo(run.templateId().orElseThrow());
            assertThat(h.experimentName()).isEqualTo("node-loss");
            assertThat(h.account()).isEqualTo("123456789012");
            assertThat(h.region()).isEqualTo("us-east-1");
            assertThat(h.actor()).isEqualTo("ci-bot");
            assertThat(h.tags()).containsEntry("Team", "chaos").containsEntry("ticket", "CH-1");
            assertThat(TemplateJson.parse(h.templateJson())).isEqualTo(experiment);
            assertThat(h.templateIntact()).isTrue();
            assertThat(h.attached()).isFalse();
            assertThat(h.preflight().checks()).extracting(PreflightCheck::name).contains(PreflightCheck.VALIDATION);
            assertThat(h.preflight().resolvedTargets()).as("20 % of the 10 workers").hasSize(1)
                    .allSatisfy((target, arns) -> assertThat(arns).hasSize(2));
            assertThat(journaled.events()).containsExactlyElementsOf(run.events());
            assertThat(journaled.outcome()).contains(outcome);
            assertThat(journaled.outcome().orElseThrow().events()).isEqualTo(outcome.events());
            assertThat(journaled.verdict()).isEmpty();
            assertThat(journal.query(JournalQuery.builder().experiment("node-loss").build()).runs())
                    .singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(RunState.COMPLETED));
        }
    }

    @Test
    void attach_isJournaledAsAttached() {
        FileRunJournal journal = FileRunJournal.open(dir);
        Experiment experiment = fx.nodeLoss();
        String experimentId;
        try (FisEngine first = fx.engine()) {
            experimentId = first.start(experiment, RunOptions.builder().preview(false).build()).join().experimentId();
        }
        try (FisEngine second = fx.engine(EngineFixture.testConfig().build()).journal(journal).build()) {
            ExperimentRun run = second.attach(experimentId, experiment).join();
            second.flushJournal().join(); // the header and first events are written by the engine's writer thread
            JournaledRun journaled = journal.find(second.journalRunId(run).orElseThrow()).orElseThrow();
            assertThat(journaled.header().attached()).isTrue();
            assertThat(journaled.header().preflight().checks()).isEmpty();
            assertThat(journaled.events().get(0)).isInstanceOf(RunEvent.RunStarted.class);
        }
    }

    @Test
    void resumeUnfinished_afterTheEngineWentAway_followsTheSameRunToItsEnd() {
        FileRunJournal journal = FileRunJournal.open(dir);
        Experiment experiment = fx.nodeLoss();
        String runId;
        try (FisEngine first = fx.engine(EngineFixture.testConfig().build()).journal(journal).build()) {
            ExperimentRun run = first.start(experiment, RunOptions.builder().preview(false).build()).join();
            fx.clock.advance(Duration.ofSeconds(2));
            await(() -> run.state() == RunState.RUNNING);
            runId = first.journalRunId(run).orElseThrow();
        }
        int before = journal.find(runId).orElseThrow().events().size();
        assertThat(journal.unfinished()).extracting(JournaledRun::runId).containsExactly(runId);

        try (FisEngine second = fx.engine(EngineFixture.testConfig().build()).journal(journal).build()) {
            ExperimentRun resumed = second.resumeUnfinished().join().get(0);
            assertThat(second.resumeUnfinished().join()).as("a watched run is not resumed twice").isEmpty();
            fx.advanceUntilDone(resumed, Duration.ofMinutes(1));
            await(() -> journal.find(runId).orElseThrow().finished());
        }
        JournaledRun done = journal.find(runId).orElseThrow();
        assertThat(done.events().size()).isGreaterThan(before);
        assertThat(done.state()).isEqualTo(RunState.COMPLETED);
        assertThat(journal.unfinished()).isEmpty();
        assertThat(fx.fis.listExperiments(b -> { }).join().experiments()).hasSize(1);
    }

    @Test
    void resumeUnfinished_withoutAJournal_failsSayingHowToConfigureOne() {
        try (FisEngine engine = fx.engine()) {
            assertThatThrownBy(() -> engine.resumeUnfinished().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("journal(");
        }
    }
}
