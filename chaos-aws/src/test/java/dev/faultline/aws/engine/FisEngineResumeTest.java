package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournaledRun;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

    private EngineFixture fx;
    private Process child;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        fx.close();
    }

    @Test
    void sigkill_midRun_aNewEngineResumesFromTheJournalAndRecordsTheTrueOutcome() throws Exception {
        Path journalDir = dir.resolve("journal");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("child.log").toFile();
        child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ForkedJournalMain.class.getName(), fx.localFis.endpoint().toString(),
                fx.localFis.alarms().arnOf(EngineFixture.ALARM), journalDir.toString()))
                .redirectError(log)
                .start();
        String experimentId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child output; its log: %s", log).isNotNull().startsWith("STARTED ");
            experimentId = line.substring("STARTED ".length()).trim();
        }
        FileRunJournal journal = FileRunJournal.open(journalDir);
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> journal.unfinished().size() == 1 && journal.unfinished().get(0).state() == RunState.RUNNING);

        child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing stops the experiment
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
