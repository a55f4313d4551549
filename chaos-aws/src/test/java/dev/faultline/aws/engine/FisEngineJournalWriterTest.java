package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.ForwardingRunJournal;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
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
 * The engine writes its journal on a thread of its own: a journal that does not answer holds up
 * neither polling nor the run's end, and the engine's close writes everything still queued.
 */
@Timeout(60)
class FisEngineJournalWriterTest {

    /** A file journal whose writes wait until released; reads go straight through. */
    private static final class HeldJournal extends ForwardingRunJournal {
        final WriteGate gate = new WriteGate(true);

        HeldJournal(Path dir) {
            super(FileRunJournal.open(dir));
        }

        @Override
        public void begin(RunHeader header) {
            gate.pass();
            super.begin(header);
        }

        @Override
        public void append(String runId, int sequence, RunEvent event) {
            gate.pass();
            super.append(runId, sequence, event);
        }

        @Override
        public void appendAll(List<JournalAppend> appends) {
            gate.pass();
            super.appendAll(appends);
        }

        @Override
        public void reports(String runId, List<String> files) {
            gate.pass();
            super.reports(runId, files);
        }
    }

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
    void aJournalThatDoesNotAnswer_holdsUpNoRun_andCloseWritesEveryQueuedEvent() throws Exception {
        HeldJournal journal = new HeldJournal(dir);
        FisEngine engine = fx.engine(EngineFixture.testConfig().build()).journal(journal).build();
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        String runId = engine.journalRunId(run).orElseThrow();
        assertThat(journal.gate.holding.await(30, TimeUnit.SECONDS)).as("the writer is held at the header").isTrue();

        fx.advanceUntilDone(run, Duration.ofMinutes(1)); // polls and ends while the journal hangs
        assertThat(run.completion().join().state()).isEqualTo(RunState.COMPLETED);
        assertThat(journal.find(runId)).as("nothing written yet: all of it is queued").isEmpty();
        List<RunEvent> events = run.events();

        Thread closer = new Thread(engine::close, "closer");
        closer.start();
        journal.gate.release.countDown();
        closer.join(30_000);

        assertThat(closer.isAlive()).isFalse();
        JournaledRun journaled = journal.find(runId).orElseThrow();
        assertThat(journaled.events()).as("every event queued is written by close").containsExactlyElementsOf(events);
        assertThat(journaled.finished()).isTrue();
        journal.close();
    }

    @Test
    void journalReports_isWrittenAfterTheRunsEvents_andFlushWaitsForIt() {
        FileRunJournal journal = FileRunJournal.open(dir);
        try (FisEngine engine = fx.engine(EngineFixture.testConfig().build()).journal(journal).build()) {
            ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
            fx.advanceUntilDone(run, Duration.ofMinutes(1));
            assertThat(engine.journalReports(run, List.of("out/report.html")).join()).isTrue();
            engine.flushJournal().join();
            JournaledRun journaled = journal.find(engine.journalRunId(run).orElseThrow()).orElseThrow();
            assertThat(journaled.reports()).containsExactly("out/report.html");
            assertThat(journaled.events()).containsExactlyElementsOf(run.events());
        }
        try (FisEngine engine = fx.engine()) {
            ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
            assertThat(engine.journalReports(run, List.of("x")).join()).as("no journal").isFalse();
            assertThat(engine.flushJournal()).isCompleted();
        }
    }
}
