package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournaledRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller's restart story: a journaled controller JVM is killed with SIGKILL mid-run (no
 * shutdown hook runs); a new engine on the same journal resumes the run, records its true
 * outcome under the same run id, and LocalFis has seen exactly one experiment.
 */
@Timeout(120)
class FisEngineResumeTest {

    private final EngineFixture fx = new EngineFixture();
    private ForkedChild child;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        ForkedChild.closeThen(child, fx);
    }

    @Test
    void sigkill_midRun_aNewEngineResumesFromTheJournalAndRecordsTheTrueOutcome() throws Exception {
        Path journalDir = dir.resolve("journal");
        child = ForkedChild.against(fx, dir, "journal=" + journalDir, "minutes=5");
        String experimentId = child.awaitLine("STARTED ");
        FileRunJournal journal = FileRunJournal.open(journalDir);
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> journal.unfinished().size() == 1 && journal.unfinished().get(0).state() == RunState.RUNNING);

        child.kill(); // SIGKILL: no shutdown hook, nothing stops the experiment
        child.assertExits(Duration.ofSeconds(30));
        assertThat(fx.localFis.experimentStatus(experimentId)).contains("running");
        JournaledRun killed = journal.unfinished().get(0);
        assertThat(killed.header().experimentId()).isEqualTo(experimentId);

        try (FisEngine second = fx.engine(EngineFixture.testConfig().build()).journal(journal).build()) {
            List<ExperimentRun> resumed = second.resumeUnfinished().join();
            assertThat(resumed).singleElement().satisfies(r -> assertThat(r.experimentId()).isEqualTo(experimentId));
            fx.advanceUntilDone(resumed.get(0), Duration.ofMinutes(1));
            await(() -> journal.find(killed.runId()).orElseThrow().finished());
        }

        JournaledRun done = journal.find(killed.runId()).orElseThrow();
        assertThat(done.state()).isEqualTo(RunState.COMPLETED);
        assertThat(done.outcome().orElseThrow().state()).isEqualTo(RunState.COMPLETED);
        assertThat(done.events().subList(0, killed.events().size())).isEqualTo(killed.events());
        assertThat(done.events()).filteredOn(e -> e instanceof RunEvent.RunStarted).hasSize(2);
        assertThat(journal.unfinished()).isEmpty();
        assertThat(fx.fis.listExperiments(b -> { }).join().experiments()).as("LocalFis experiments").hasSize(1);
    }
}
