package dev.faultline.bench;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.jdbc.JdbcRunJournal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A journal that measures how long each write of the engine takes ({@code begin} and
 * {@code append}, in wall time on the calling thread, which is the engine's scheduler) and
 * passes every call on to the real journal.
 */
final class TimedJournal implements RunJournal {

    private final RunJournal journal;
    private final String url;
    private long[] nanos = new long[1024];
    private int count;

    private TimedJournal(RunJournal journal, String url) {
        this.journal = journal;
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

    private synchronized void record(long t0) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = System.nanoTime() - t0;
    }

    /**
     * The writes measured, as a line: count, p50, p99 and max in milliseconds.
     *
     * @return the summary
     */
    synchronized String summary() {
        if (count == 0) {
            return "journal " + url + ": no writes";
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "journal %s: %d writes, append latency p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                url.replaceAll("\\?.*", ""), count, at(sorted, 0.50), at(sorted, 0.99), sorted[count - 1] / 1e6);
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /** Forgets the writes measured so far (the priming run's). */
    synchronized void reset() {
        count = 0;
    }

    @Override
    public void begin(RunHeader header) {
        long t0 = System.nanoTime();
        journal.begin(header);
        record(t0);
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        long t0 = System.nanoTime();
        journal.append(runId, sequence, event);
        record(t0);
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
}
