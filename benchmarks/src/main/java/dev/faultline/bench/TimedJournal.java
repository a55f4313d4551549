package dev.faultline.bench;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.ForwardingRunJournal;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.jdbc.JdbcRunJournal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A journal that measures the engine's writes and passes every call on to the real journal.
 * The engine makes its writes on its journal writer thread, from a queue; measured are:
 *
 * <ul>
 *   <li>the database time of each call ({@code begin}, {@code append}, {@code appendAll} with
 *       its batch), wall time on the writer thread;</li>
 *   <li>for every event {@link #queued stamped} when it was published (the benchmark's own
 *       listener, registered on each run right after the engine's journal listener, which queues
 *       the write, stamps each event it receives live), the queueing delay from then to the start
 *       of its write, and the append latency from then to the end of its write (queueing delay
 *       plus database time).</li>
 * </ul>
 */
final class TimedJournal extends ForwardingRunJournal {

    private final String url;
    private final Map<String, Long> stamps = new ConcurrentHashMap<>();
    private final Samples calls = new Samples();
    private final Samples queueing = new Samples();
    private final Samples latency = new Samples();
    private long records;
    private long batches;

    private TimedJournal(RunJournal journal, String url) {
        super(journal);
        this.url = url;
    }

    /**
     * Opens the journal a {@code --journal} URL names.
     *
     * @param url {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://…} or {@code file:DIR}
     * @return the timed journal
     */
    static TimedJournal open(String url) {
        RunJournal j = url.startsWith("file:") ? FileRunJournal.open(Path.of(url.substring("file:".length())))
                : JdbcRunJournal.open(url);
        return new TimedJournal(j, url);
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
                + "    event: queueing delay            %s (published -> write starts)%n"
                + "    event: append latency            %s (published -> written: queueing + database)",
                name, records, calls.count, batches, batches == 0 ? 0.0 : (records - (calls.count - batches))
                        / (double) batches, calls.line(), queueing.line(), latency.line());
    }

    /** Forgets the writes measured so far (the priming run's). */
    synchronized void reset() {
        calls.count = 0;
        stamps.clear();
        queueing.count = 0;
        latency.count = 0;
        records = 0;
        batches = 0;
    }

    /**
     * Stamps an event when it is published (its write is queued at that moment).
     *
     * @param runId the run's id in the journal
     * @param sequence the event's number in the run
     * @param nanoTime {@link System#nanoTime()} then
     */
    void queued(String runId, int sequence, long nanoTime) {
        stamps.put(runId + "#" + sequence, nanoTime);
    }

    /** Nanoseconds since the event's write was queued, or -1 when it was not stamped. */
    private long waited(String runId, int sequence, long now) {
        Long stamp = stamps.remove(runId + "#" + sequence);
        return stamp == null ? -1 : now - stamp;
    }

    private synchronized void record(long t0, List<RunEvent> events, long[] waited, boolean batch) {
        long took = System.nanoTime() - t0;
        calls.add(took);
        records += Math.max(1, events.size());
        if (batch) {
            batches++;
        }
        for (long w : waited) {
            if (w >= 0) {
                queueing.add(w);
                latency.add(w + took);
            }
        }
    }

    @Override
    public void begin(RunHeader header) {
        long t0 = System.nanoTime();
        super.begin(header);
        record(t0, List.of(), new long[0], false);
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        long t0 = System.nanoTime();
        long[] waited = {waited(runId, sequence, t0)};
        super.append(runId, sequence, event);
        record(t0, List.of(event), waited, false);
    }

    @Override
    public void appendAll(List<JournalAppend> appends) {
        long t0 = System.nanoTime();
        long[] waited = new long[appends.size()];
        RunEvent[] events = new RunEvent[appends.size()];
        for (int i = 0; i < waited.length; i++) {
            events[i] = appends.get(i).event();
            waited[i] = waited(appends.get(i).runId(), appends.get(i).sequence(), t0);
        }
        super.appendAll(appends);
        record(t0, Arrays.asList(events), waited, true);
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
