package dev.faultline.core.journal;

import dev.faultline.core.engine.RunEvent;
import java.util.List;
import java.util.Optional;

/**
 * An append-only record of runs: a header when a run begins, then each of its events with a
 * sequence number, then the report files written for it. Implementations write each call
 * before it returns (see each one's durability), so a crash loses at most the call in flight;
 * every write is idempotent (the same run id, or the same run id and sequence number, a
 * second time is ignored), so a retried write never duplicates a record. Safe for use by many
 * threads.
 *
 * <pre>{@code
 * try (RunJournal journal = FileRunJournal.open(Path.of("journal"))) {
 *     FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cw).journal(journal).build();
 *     ...
 *     JournalPage page = journal.query(JournalQuery.builder().experiment("node-loss").limit(20).build());
 * }
 * }</pre>
 */
public interface RunJournal extends AutoCloseable {

    /**
     * Records that a run began; a header whose run id is already journaled is ignored.
     *
     * @param header the run's header
     * @throws JournalException when the write fails
     */
    void begin(RunHeader header);

    /**
     * Records one event of a run; an event whose sequence number the run already has is ignored.
     *
     * @param runId the run, already begun
     * @param sequence the event's position in the run, from 0, with no gaps
     * @param event the event
     * @throws JournalException when the write fails or the run was never begun
     */
    void append(String runId, int sequence, RunEvent event);

    /**
     * Records several events, of one run or of several, in the order given. A journal that can
     * write them together does (the JDBC journal: one transaction for all of them, so either all
     * are recorded or none); the default appends them one at a time, stopping at the first that
     * fails, so after a failure the events before it may be recorded. Either way writing them
     * again is safe: every append is idempotent.
     *
     * @param appends the events, in order
     * @throws JournalException when a write fails or a run was never begun
     */
    default void appendAll(List<JournalAppend> appends) {
        for (JournalAppend a : appends) {
            append(a.runId(), a.sequence(), a.event());
        }
    }

    /**
     * Records the report files written for a run (replacing any recorded before).
     *
     * @param runId the run, already begun
     * @param files the files' paths as text
     * @throws JournalException when the write fails or the run was never begun
     */
    void reports(String runId, List<String> files);

    /**
     * Reads one run with its events.
     *
     * @param runId the run id
     * @return the run, or empty when the journal does not have it
     * @throws JournalException when the read fails
     */
    Optional<JournaledRun> find(String runId);

    /**
     * Lists runs, newest first, one page at a time.
     *
     * @param query the filters, the page size and the cursor of the page before
     * @return the page
     * @throws JournalException when the read fails or the cursor is not one this journal made
     */
    JournalPage query(JournalQuery query);

    /**
     * Lists every run that has no {@link RunEvent.RunCompleted} event yet, oldest first: the
     * runs a restarted controller should attach to again.
     *
     * @return the runs with their events
     * @throws JournalException when the read fails
     */
    List<JournaledRun> unfinished();

    /** Releases the journal's files or connections. */
    @Override
    void close();
}
