package dev.faultline.bench;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.jdbc.JdbcRunJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A journal that measures the engine's writes and passes every call on to the real journal.
 * The engine makes its writes on its journal writer thread, from a queue; measured are:
 *
 * <ul>
 *   <li>the database time of each call ({@code begin}, {@code append}, {@code appendAll} with
 *       its batch), wall time on the writer thread;</li>
 *   <li>for every state change ({@link RunEvent.StateChanged}, whose time is when the engine saw
 *       the change), the queueing delay from then to the start of its write, and the append
 *       latency from then to the end of its write (queueing delay plus database time), both in
 *       wall time (a difference on the shared clock divided by its factor).</li>
 * </ul>
 */
final class TimedJournal implements RunJournal {

    private final RunJournal journal;
    private final String url;
    private final SharedClock clock;
    private final Samples calls = new Samples();
    private final Samples queueing = new Samples();
    private final Samples latency = new Samples();
    private long records;
    private long batches;

    private TimedJournal(RunJournal journal, String url, SharedClock clock) {
        this.journal = journal;
        this.url = url;
        this.clock = clock;
    }

    /**
     * Opens the journal a {@code --journal} URL names.
     *
     * @param url {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…} or {@code file:DIR}
     * @param clock the clock the engine runs on (events carry its time)
     * @return the timed journal
     */
    static TimedJournal open(String url, SharedClock clock) {
        RunJournal j = url.startsWith("file:") ? FileRunJournal.open(Path.of(url.substring("file:".length())))
                : JdbcRunJournal.open(url);
        return new TimedJournal(j, url, clock);
    }

    /**
     * The writes measured, as lines: counts, then p50, p99 and max in milliseconds of each measure.
     *
     * @return the summary
     */
    synchronized String summary() {
        String name = url.replaceAll("\\?.*", "");
        if (calls.count == 0) {
            return "journal " + name + ": no writes";
        }
        return String.format(Locale.ROOT, "journal %s: %d records in %d calls (%d batches, %.1f records per batch)%n"
                + "    database time per call           %s%n"
                + "    state change: queueing delay     %s%n"
                + "    state change: append latency     %s (seen -> written: queueing + database)",
                name, records, calls.count, batches, batches == 0 ? 0.0 : (records - (calls.count - batches))
                        / (double) batches, calls.line(), queueing.line(), latency.line());
    }

    /** Forgets the writes measured so far (the priming run's). */
    synchronized void reset() {
        calls.count = 0;
        queueing.count = 0;
        latency.count = 0;
        records = 0;
        batches = 0;
    }

    private long seen(RunEvent event) {
        // nanoseconds of wall time since the engine saw the event
        return (long) (Duration.between(event.time(), clock.instant()).toNanos() / clock.factor());
    }

    private synchronized void record(long t0, List<RunEvent> events, long[] waited, boolean batch) {
        long took = System.nanoTime() - t0;
        calls.add(took);
        records += Math.max(1, events.size());
        if (batch) {
            batches++;
        }
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof RunEvent.StateChanged) {
                queueing.add(waited[i]);
                latency.add(waited[i] + took);
            }
        }
    }

    @Override
    public void begin(RunHeader header) {
        long t0 = System.nanoTime();
        journal.begin(header);
        record(t0, List.of(), new long[0], false);
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        long[] waited = {seen(event)};
        long t0 = System.nanoTime();
        journal.append(runId, sequence, event);
        record(t0, List.of(event), waited, false);
    }

    @Override
    public void appendAll(List<JournalAppend> appends) {
        long[] waited = new long[appends.size()];
        RunEvent[] events = new RunEvent[appends.size()];
        for (int i = 0; i < waited.length; i++) {
            events[i] = appends.get(i).event();
            waited[i] = seen(events[i]);
        }
        long t0 = System.nanoTime();
        journal.appendAll(appends);
        record(t0, Arrays.asList(events), waited, true);
    }

    @Override
    public void reports(String runId, List<String> files) {
        journal.reports(runId, files);
    }

    @Override
    public Optional<JournaledRun> find(String runId) {
        return journal.find(runId);
    }

    @Override
    public JournalPage query(JournalQuery query) {
        return journal.query(query);
    }

    @Override
    public List<JournaledRun> unfinished() {
        return journal.unfinished();
    }

    @Override
    public void close() {
        journal.close();
    }

    /** Durations in nanoseconds, growing as needed. */
    private static final class Samples {
        private long[] nanos = new long[1024];
        private int count;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }

        String line() {
            if (count == 0) {
                return "none";
            }
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "p50 %8.2f ms, p99 %8.2f ms, max %8.2f ms (%d)", at(sorted, 0.50),
                    at(sorted, 0.99), sorted[count - 1] / 1e6, count);
        }

        private static double at(long[] sorted, double q) {
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }
}
