package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the engine keeps per journaled run: nothing once the run ended and its handle is dropped. */
@Timeout(60)
class JournalRecorderTest {

    /** A journal that counts what it is given and keeps none of it (so it holds no run id). */
    private static final class CountingJournal implements RunJournal {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger appended = new AtomicInteger();

        @Override
        public void begin(RunHeader header) {
            begun.incrementAndGet();
        }

        @Override
        public void append(String runId, int sequence, RunEvent event) {
            appended.incrementAndGet();
        }

        @Override
        public void reports(String runId, List<String> files) {
            // nothing kept
        }

        @Override
        public Optional<JournaledRun> find(String runId) {
            return Optional.empty();
        }

        @Override
        public JournalPage query(JournalQuery query) {
            throw new UnsupportedOperationException("not queried in this test");
        }

        @Override
        public List<JournaledRun> unfinished() {
            return List.of();
        }

        @Override
        public void close() {
            // nothing to close
        }
    }

    private EngineFixture fx;
    private CountingJournal journal;
    private FisEngine engine;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        journal = new CountingJournal();
        engine = fx.engine(EngineFixture.testConfig().build()).journal(journal).build();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        fx.close();
    }

    /** Runs one journaled experiment to its end; hands back weak references to its handle and journal id. */
    private List<WeakReference<Object>> runOnce() {
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        fx.advanceUntilDone(run, Duration.ofMinutes(1));
        assertThat(run.completion().join().state()).isEqualTo(RunState.COMPLETED);
        String runId = engine.journalRunId(run).orElseThrow(() -> new AssertionError("the id is lost at the end"));
        return List.of(new WeakReference<>(run), new WeakReference<>(runId));
    }

    @Test
    void endedRuns_leaveNothingBehindInTheEngine_theirJournalIdsIncluded() throws InterruptedException {
        List<WeakReference<Object>> refs = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            refs.addAll(runOnce());
        }
        assertThat(journal.begun).hasValue(3);
        for (int i = 0; i < 100 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(refs).as("runs and journal ids reachable after the runs ended (an id map never pruned?)")
                .allSatisfy(r -> assertThat(r.get()).isNull());
        assertThat(engine.activeRuns()).isEmpty();
    }
}
