package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.JournalException;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournalSamples;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine's journal writer: writes in the order queued (per run and overall), nothing dropped
 * when the queue is full, everything queued written by close, refused writes handled as before.
 */
@Timeout(60)
class JournalWriterTest {

    /**
     * A journal in memory that keeps every write in the order made; optionally batches, refuses
     * batches, refuses some writes, or holds the writer until released.
     */
    static final class MemoryJournal implements RunJournal {
        final List<String> log = new ArrayList<>();
        final Map<String, List<RunEvent>> runs = new ConcurrentHashMap<>();
        final AtomicInteger batches = new AtomicInteger();
        final WriteGate gate;
        volatile boolean refuseBatches;
        volatile Predicate<RunEvent> refuse = e -> false;
        volatile Predicate<String> refuseBegin = id -> false;

        MemoryJournal(boolean held) {
            this.gate = new WriteGate(held);
        }

        @Override
        public synchronized void begin(RunHeader header) {
            gate.pass();
            if (refuseBegin.test(header.runId())) {
                throw new JournalException("begin refused for " + header.runId());
            }
            log.add("begin " + header.runId());
            runs.putIfAbsent(header.runId(), new ArrayList<>());
        }

        @Override
        public synchronized void append(String runId, int sequence, RunEvent event) {
            gate.pass();
            List<RunEvent> events = runs.get(runId);
            if (events == null) {
                throw new JournalException("Run " + runId + " was never begun");
            }
            if (refuse.test(event)) {
                throw new JournalException("refused " + event);
            }
            if (sequence < events.size()) {
                return; // idempotent
            }
            if (sequence != events.size()) {
                throw new JournalException("a gap in run " + runId + ": " + sequence + " after " + events.size());
            }
            events.add(event);
            log.add("append " + runId + " " + sequence);
        }

        @Override
        public synchronized void appendAll(List<JournalAppend> appends) {
            batches.incrementAndGet();
            if (refuseBatches) {
                throw new JournalException("batches refused");
            }
            RunJournal.super.appendAll(appends);
        }

        @Override
        public synchronized void reports(String runId, List<String> files) {
            log.add("reports " + runId);
        }

        @Override
        public Optional<JournaledRun> find(String runId) {
            return Optional.empty();
        }

        @Override
        public JournalPage query(JournalQuery query) {
            throw new UnsupportedOperationException("not queried here");
        }

        @Override
        public List<JournaledRun> unfinished() {
            return List.of();
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    private JournalWriter writer;

    @AfterEach
    void tearDown() {
        if (writer != null) {
            writer.close(Duration.ofSeconds(10));
        }
    }

    private static RunHeader header(String runId) {
        return JournalSamples.header(runId, JournalSamples.T0, "n", "123456789012", "us-east-1", Map.of());
    }

    private static RunEvent event(String runId, int i) {
        return new RunEvent.StateChanged("EXP-" + runId, JournalSamples.T0.plusSeconds(i), RunState.RUNNING,
                RunState.RUNNING, runId + "#" + i);
    }

    private static RunJournaling begun(JournalWriter w, String runId) {
        RunJournaling j = new RunJournaling(w, runId, "EXP-" + runId, 0);
        j.begin(header(runId));
        return j;
    }

    /**
     * Many runs, their events published from many threads at once (each run's events from one
     * thread at a time, as the engine's event log delivers them), through a small queue: every
     * run's events are in the journal, in order, numbered without a gap, each after its header.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234})
    void manyRunsFromManyThreads_eachRunsEventsAreJournaledInOrder(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        int runs = 20 + random.nextInt(40);
        int capacity = 1 + random.nextInt(16);
        MemoryJournal journal = new MemoryJournal(false);
        writer = new JournalWriter(journal, capacity);
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                String runId = "run-" + r;
                int events = 1 + random.nextInt(30);
                counts.put(runId, events);
                done.add(pool.submit(() -> {
                    RunJournaling j = begun(writer, runId);
                    for (int i = 0; i < events; i++) {
                        j.onEvent(event(runId, i));
                        if (i % 7 == 3) {
                            Thread.yield();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        writer.flush().get(30, TimeUnit.SECONDS);

        String why = "seed " + seed + ", " + runs + " runs, queue " + capacity;
        assertThat(journal.runs).as(why).hasSize(runs);
        counts.forEach((runId, n) -> {
            List<RunEvent> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(event(runId, i));
            }
            assertThat(journal.runs.get(runId)).as(why + ", run " + runId).containsExactlyElementsOf(expected);
            assertThat(journal.log.indexOf("begin " + runId)).as(why + ": header before the events of " + runId)
                    .isLessThan(journal.log.indexOf("append " + runId + " 0"));
        });
        assertThat(journal.batches.get()).as(why + ": consecutive appends are batched").isPositive();
    }

    /** One thread's writes, of several runs, come out exactly in the order queued. */
    @Test
    void writesOfOneThread_comeOutInTheOrderQueued_acrossRuns() throws Exception {
        MemoryJournal journal = new MemoryJournal(false);
        writer = new JournalWriter(journal, 4);
        RunJournaling a = begun(writer, "a");
        RunJournaling b = begun(writer, "b");
        List<String> expected = new ArrayList<>(List.of("begin a", "begin b"));
        int[] next = new int[2];
        for (int i = 0; i < 40; i++) {
            RunJournaling j = i % 3 == 0 ? b : a;
            int k = j == a ? 0 : 1;
            j.onEvent(event(j.runId(), next[k]));
            expected.add("append " + j.runId() + " " + next[k]++);
        }
        a.reports(List.of("a.html"));
        expected.add("reports a");
        writer.flush().get(30, TimeUnit.SECONDS);
        assertThat(journal.log).containsExactlyElementsOf(expected);
    }

    /**
     * The writer is held by a slow journal while more writes are queued than the queue holds (the
     * publishers wait for room); close then writes every one of them before it returns.
     */
    @Test
    void close_writesEverythingQueued_evenWhenTheQueueWasFullAndPublishersWaited() throws Exception {
        MemoryJournal journal = new MemoryJournal(true);
        writer = new JournalWriter(journal, 8);
        int events = 200;
        Thread publisher = new Thread(() -> {
            RunJournaling j = begun(writer, "slow");
            for (int i = 0; i < events; i++) {
                j.onEvent(event("slow", i));
            }
        });
        publisher.start();
        assertThat(journal.gate.holding.await(30, TimeUnit.SECONDS)).isTrue();
        EngineFixture.await(() -> writer.queued() == writer.capacity()); // the queue is full: the publisher waits
        assertThat(publisher.isAlive()).as("the publisher waits for room").isTrue();

        Thread closer = new Thread(() -> writer.close(Duration.ofSeconds(30)));
        closer.start();
        journal.gate.release.countDown();
        publisher.join(30_000);
        closer.join(30_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(journal.runs.get("slow")).as("every event, none dropped, after close returned")
                .hasSize(events).last().isEqualTo(event("slow", events - 1));
    }

    /** A journal that hangs with the queue full does not hang close: it gives up after its wait, saying so. */
    @Test
    void close_withAHangingJournalAndAFullQueue_returnsFalseAfterItsWait() throws Exception {
        MemoryJournal journal = new MemoryJournal(true);
        writer = new JournalWriter(journal, 2);
        RunJournaling j = begun(writer, "hung");
        assertThat(journal.gate.holding.await(30, TimeUnit.SECONDS)).isTrue();
        j.onEvent(event("hung", 0));
        j.onEvent(event("hung", 1));
        assertThat(writer.queued()).isEqualTo(2);

        assertThat(writer.close(Duration.ofMillis(50))).as("not everything was written").isFalse();

        journal.gate.release.countDown();
        assertThat(writer.close(Duration.ofSeconds(30))).isTrue();
        assertThat(journal.runs.get("hung")).containsExactly(event("hung", 0), event("hung", 1));
    }

    /** A write queued after close is made at once, on the thread that queues it. */
    @Test
    void afterClose_aWriteIsMadeAtOnceOnTheCallingThread() {
        MemoryJournal journal = new MemoryJournal(false);
        writer = new JournalWriter(journal, 4);
        RunJournaling j = begun(writer, "late");
        assertThat(writer.close(Duration.ofSeconds(30))).isTrue();
        j.onEvent(event("late", 0));
        assertThat(journal.runs.get("late")).containsExactly(event("late", 0));
        assertThat(writer.flush()).isCompleted();
    }

    /**
     * A batch the journal refuses is written again one by one; an event the journal refuses is
     * logged and its number goes to the next event (no gap), as with single appends.
     */
    @Test
    void aRefusedBatch_isWrittenOneByOne_andARefusedEventLeavesNoGap() throws Exception {
        MemoryJournal journal = new MemoryJournal(true);
        journal.refuseBatches = true;
        journal.refuse = e -> ((RunEvent.StateChanged) e).reason().equals("r#2");
        writer = new JournalWriter(journal, 64);
        RunJournaling j = begun(writer, "r");
        for (int i = 0; i < 6; i++) {
            j.onEvent(event("r", i));
        }
        journal.gate.release.countDown();
        writer.flush().get(30, TimeUnit.SECONDS);
        assertThat(journal.runs.get("r")).containsExactly(event("r", 0), event("r", 1), event("r", 3),
                event("r", 4), event("r", 5));
    }

    /** A run whose header cannot be written is not journaled: none of its events is written. */
    @Test
    void aRefusedHeader_leavesTheRunUnjournaled() throws Exception {
        MemoryJournal journal = new MemoryJournal(false);
        journal.refuseBegin = id -> id.equals("bad");
        writer = new JournalWriter(journal, 16);
        RunJournaling bad = begun(writer, "bad");
        RunJournaling good = begun(writer, "good");
        bad.onEvent(event("bad", 0));
        good.onEvent(event("good", 0));
        boolean reported = bad.reports(List.of("x")).get(30, TimeUnit.SECONDS);
        writer.flush().get(30, TimeUnit.SECONDS);
        assertThat(bad.journaled()).isFalse();
        assertThat(reported).isFalse();
        assertThat(good.journaled()).isTrue();
        assertThat(journal.log).containsExactly("begin good", "append good 0");
    }
}
