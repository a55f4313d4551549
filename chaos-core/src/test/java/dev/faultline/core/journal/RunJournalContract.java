package dev.faultline.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RunJournal} must do; each implementation's test extends it and says how to
 * open a fresh, empty journal.
 */
public abstract class RunJournalContract {

    /**
     * Opens a new, empty journal for one test; the test closes it.
     *
     * @return the journal
     */
    protected abstract RunJournal journal();

    /**
     * Writes a whole run.
     *
     * @param j the journal
     * @param header the header
     * @param events the events
     */
    protected static void write(RunJournal j, RunHeader header, List<RunEvent> events) {
        j.begin(header);
        for (int i = 0; i < events.size(); i++) {
            j.append(header.runId(), i, events.get(i));
        }
    }

    @Test
    void find_aWrittenRun_givesItsHeaderEventsOutcomeAndReports() {
        try (RunJournal j = journal()) {
            RunHeader h = JournalSamples.header("run-1", JournalSamples.T0, "node-loss", "123456789012",
                    "eu-west-1", Map.of("team", "payments"));
            List<RunEvent> events = JournalSamples.run("EXP-run-1", RunState.COMPLETED, Verdict.HELD);
            write(j, h, events);
            j.reports("run-1", List.of("out/report.json", "out/report.html"));

            JournaledRun run = j.find("run-1").orElseThrow();

            assertThat(run.header()).isEqualTo(h);
            assertThat(run.events()).containsExactlyElementsOf(events);
            assertThat(run.reports()).containsExactly("out/report.json", "out/report.html");
            assertThat(run.finished()).isTrue();
            assertThat(run.state()).isEqualTo(RunState.COMPLETED);
            assertThat(run.verdict()).isEqualTo("HELD");
            assertThat(run.outcome().orElseThrow().events()).hasSize(events.size() - 1);
            assertThat(j.find("nope")).isEmpty();
        }
    }

    @Test
    void beginAndAppend_repeated_neverDuplicate() {
        try (RunJournal j = journal()) {
            RunHeader h = JournalSamples.header("run-2", JournalSamples.T0, "n", "1", "r", Map.of());
            List<RunEvent> events = JournalSamples.run("EXP-run-2", RunState.STOPPED, null);
            write(j, h, events);
            write(j, h, events);
            j.append("run-2", 1, events.get(1));

            assertThat(j.find("run-2").orElseThrow().events()).containsExactlyElementsOf(events);
            assertThat(j.query(JournalQuery.builder().build()).runs()).hasSize(1);
        }
    }

    @Test
    void appendAll_eventsOfTwoRunsInterleaved_recordsEachRunInOrder_andRepeatedNeverDuplicates() {
        try (RunJournal j = journal()) {
            j.begin(JournalSamples.header("x", JournalSamples.T0, "n", "1", "r", Map.of()));
            j.begin(JournalSamples.header("y", JournalSamples.T0, "n", "1", "r", Map.of()));
            List<RunEvent> ex = JournalSamples.run("EXP-x", RunState.COMPLETED, Verdict.HELD);
            List<RunEvent> ey = JournalSamples.run("EXP-y", RunState.STOPPED, null);
            List<JournalAppend> batch = new ArrayList<>();
            for (int i = 0; i < Math.max(ex.size(), ey.size()); i++) {
                if (i < ex.size()) {
                    batch.add(new JournalAppend("x", i, ex.get(i)));
                }
                if (i < ey.size()) {
                    batch.add(new JournalAppend("y", i, ey.get(i)));
                }
            }
            j.appendAll(batch);
            j.appendAll(batch.subList(0, 3));

            assertThat(j.find("x").orElseThrow().events()).containsExactlyElementsOf(ex);
            assertThat(j.find("y").orElseThrow().events()).containsExactlyElementsOf(ey);
            assertThat(j.find("x").orElseThrow().state()).isEqualTo(RunState.COMPLETED);
        }
    }

    @Test
    void appendAll_withARunNeverBegun_fails_andWritingTheRestAgainIsSafe() {
        try (RunJournal j = journal()) {
            j.begin(JournalSamples.header("z", JournalSamples.T0, "n", "1", "r", Map.of()));
            List<RunEvent> ez = JournalSamples.run("EXP-z", RunState.COMPLETED, null);
            List<JournalAppend> batch = List.of(new JournalAppend("z", 0, ez.get(0)),
                    new JournalAppend("ghost", 0, ez.get(0)), new JournalAppend("z", 1, ez.get(1)));
            assertThatThrownBy(() -> j.appendAll(batch)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("ghost");
            j.append("z", 0, ez.get(0));
            j.append("z", 1, ez.get(1));
            assertThat(j.find("z").orElseThrow().events()).containsExactly(ez.get(0), ez.get(1));
        }
    }

    @Test
    void append_toARunNeverBegun_fails() {
        try (RunJournal j = journal()) {
            RunEvent e = JournalSamples.run("E", null, null).get(0);
            assertThatThrownBy(() -> j.append("ghost", 0, e)).isInstanceOf(JournalException.class)
                    .hasMessageContaining("ghost");
        }
    }

    @Test
    void query_filters_eachAlone() {
        try (RunJournal j = journal()) {
            write(j, JournalSamples.header("a", at(1), "node-loss", "111", "eu-west-1", Map.of("team", "pay")),
                    JournalSamples.run("E-a", RunState.COMPLETED, Verdict.HELD));
            write(j, JournalSamples.header("b", at(2), "node-loss", "222", "us-east-1", Map.of("team", "ops")),
                    JournalSamples.run("E-b", RunState.COMPLETED, Verdict.REFUTED));
            write(j, JournalSamples.header("c", at(3), "az-out", "111", "us-east-1", Map.of()),
                    JournalSamples.run("E-c", null, null));

            assertThat(ids(j, JournalQuery.builder().experiment("node-loss"))).containsExactly("b", "a");
            assertThat(ids(j, JournalQuery.builder().tag("team", "pay"))).containsExactly("a");
            assertThat(ids(j, JournalQuery.builder().account("111"))).containsExactly("c", "a");
            assertThat(ids(j, JournalQuery.builder().region("us-east-1"))).containsExactly("c", "b");
            assertThat(ids(j, JournalQuery.builder().state(RunState.RUNNING))).containsExactly("c");
            assertThat(ids(j, JournalQuery.builder().verdict("refuted"))).containsExactly("b");
            assertThat(ids(j, JournalQuery.builder().verdict("NONE"))).containsExactly("c");
            assertThat(ids(j, JournalQuery.builder().since(at(2)))).containsExactly("c", "b");
            assertThat(ids(j, JournalQuery.builder().until(at(2)))).containsExactly("a");
            RunSummary b = j.query(JournalQuery.builder().experiment("node-loss").limit(1).build()).runs().get(0);
            assertThat(b.verdict()).isEqualTo("REFUTED");
            assertThat(b.actor()).isEqualTo("alice");
            assertThat(b.endedAt()).isPresent();
        }
    }

    @Test
    void query_pages_newestFirst_withoutGapOrRepeat_evenWhenRunsArriveBetweenPages() {
        try (RunJournal j = journal()) {
            for (int i = 0; i < 25; i++) {
                // two runs share each start instant, so the id breaks ties
                write(j, JournalSamples.header(String.format("p%02d", i), at(i / 2), "x", "1", "r", Map.of()),
                        JournalSamples.run("E" + i, RunState.COMPLETED, Verdict.HELD));
            }
            List<String> seen = new ArrayList<>();
            JournalPage page = j.query(JournalQuery.builder().limit(10).build());
            seen.addAll(idsOf(page));
            write(j, JournalSamples.header("late", at(100), "x", "1", "r", Map.of()), List.of());
            while (page.nextCursor().isPresent()) {
                page = j.query(JournalQuery.builder().limit(10).after(page.nextCursor().get()).build());
                seen.addAll(idsOf(page));
            }

            List<String> expected = new ArrayList<>();
            for (int i = 24; i >= 0; i--) {
                expected.add(String.format("p%02d", i));
            }
            assertThat(seen).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void unfinished_listsRunsWithoutOutcome_oldestFirst() {
        try (RunJournal j = journal()) {
            write(j, JournalSamples.header("u2", at(2), "x", "1", "r", Map.of()), JournalSamples.run("E2", null, null));
            write(j, JournalSamples.header("done", at(3), "x", "1", "r", Map.of()),
                    JournalSamples.run("E3", RunState.FAILED, null));
            write(j, JournalSamples.header("u1", at(1), "x", "1", "r", Map.of()), List.of());

            assertThat(j.unfinished()).extracting(JournaledRun::runId).containsExactly("u1", "u2");
            assertThat(j.unfinished().get(1).events()).hasSize(3);
        }
    }

    @Test
    void concurrentWriters_manyThreads_loseAndDuplicateNothing() throws Exception {
        try (RunJournal j = journal()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> writes = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    writes.add(pool.submit(() -> {
                        for (int r = 0; r < 10; r++) {
                            String id = "t" + thread + "-" + r;
                            write(j, JournalSamples.header(id, at(r), "x", "1", "r", Map.of()),
                                    JournalSamples.run("E" + id, RunState.COMPLETED, Verdict.HELD));
                        }
                    }));
                }
                for (Future<?> f : writes) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            Set<String> ids = new HashSet<>();
            JournalPage page = j.query(JournalQuery.builder().limit(7).build());
            int total = 0;
            while (true) {
                for (RunSummary s : page.runs()) {
                    ids.add(s.runId());
                    total++;
                    assertThat(j.find(s.runId()).orElseThrow().events()).hasSize(5);
                }
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                page = j.query(JournalQuery.builder().limit(7).after(page.nextCursor().get()).build());
            }
            assertThat(total).isEqualTo(80);
            assertThat(ids).hasSize(80);
        }
    }

    private static Instant at(int minutes) {
        return JournalSamples.T0.plusSeconds(60L * minutes);
    }

    private static List<String> ids(RunJournal j, JournalQuery.Builder q) {
        return idsOf(j.query(q.build()));
    }

    private static List<String> idsOf(JournalPage page) {
        return page.runs().stream().map(RunSummary::runId).toList();
    }
}
