package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.JournalException;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener that journals one run: each event it receives is queued on the engine's
 * {@link JournalWriter} and numbered there, when it is written, so that the numbers have no gap
 * (an event the journal refuses is logged and its number goes to the next one, as before the
 * writer existed). When the run's header cannot be written the run is not journaled: its events
 * are not written and {@link #journaled()} turns false.
 */
final class RunJournaling implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(RunJournaling.class);

    private final JournalWriter writer;
    private final String runId;
    private final String experimentId;
    /** The next event's number; read and written on the writer thread only. */
    private int next;
    private volatile boolean lost;

    /**
     * Creates the listener of a run whose header is journaled already or queued before its events.
     *
     * @param writer the engine's writer
     * @param runId the run's id in the journal
     * @param experimentId the run's experiment id, for logs
     * @param first the number of the run's next event (the count of events it has)
     */
    RunJournaling(JournalWriter writer, String runId, String experimentId, int first) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        this.next = first;
    }

    /** The run's id in the journal. */
    String runId() {
        return runId;
    }

    /** False once the run's header could not be written: the run is then not in the journal. */
    boolean journaled() {
        return !lost;
    }

    /**
     * Queues the run's header.
     *
     * @param header the header
     */
    void begin(RunHeader header) {
        writer.submit(journal -> {
            try {
                journal.begin(header);
            } catch (JournalException | IllegalArgumentException ex) {
                lost = true;
                LOG.warn("Journal write failed; this run is not journaled runId={} experimentId={} error={}", runId,
                        experimentId, ex.getMessage());
            } catch (RuntimeException ex) {
                lost = true;
                LOG.warn("Journal write failed; this run is not journaled runId={} experimentId={}", runId,
                        experimentId, ex);
            }
        });
    }

    @Override
    public void onEvent(RunEvent event) {
        writer.submit(new EventWrite(event));
    }

    /**
     * Queues the report files written for the run.
     *
     * @param files the files' paths as text
     * @return completes, on the writer thread, with true once recorded, false when the run is not
     *     journaled, or exceptionally with the journal's error
     */
    CompletableFuture<Boolean> reports(List<String> files) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        writer.submit(journal -> {
            if (lost) {
                done.complete(false);
                return;
            }
            try {
                journal.reports(runId, files);
                done.complete(true);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** One event of this run, waiting in the writer's queue. */
    final class EventWrite implements JournalWriter.Write {
        private final RunEvent event;

        private EventWrite(RunEvent event) {
            this.event = event;
        }

        /** The run the event belongs to. */
        RunJournaling run() {
            return RunJournaling.this;
        }

        /**
         * Numbers the event for a batch.
         *
         * @return the record, or null when the run is not journaled
         */
        JournalAppend number() {
            return lost ? null : new JournalAppend(runId, next++, event);
        }

        @Override
        public void write(RunJournal journal) {
            if (lost) {
                LOG.trace("run not journaled, event not written runId={}", runId);
                return;
            }
            try {
                journal.append(runId, next, event);
                next++;
            } catch (JournalException | IllegalArgumentException ex) {
                LOG.warn("Journal write failed runId={} experimentId={} event={} error={}", runId, experimentId,
                        event.getClass().getSimpleName(), ex.getMessage());
            } catch (RuntimeException ex) {
                LOG.warn("Journal write failed runId={} experimentId={} event={}", runId, experimentId,
                        event.getClass().getSimpleName(), ex);
            }
        }
    }

    /** The number the run's next event gets; for a batch that failed and is written again one by one. */
    int next() {
        return next;
    }

    /**
     * Sets the number the run's next event gets back, after a batch that failed.
     *
     * @param value the number
     */
    void rewind(int value) {
        this.next = value;
    }
}
