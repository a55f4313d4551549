package dev.faultline.core.journal;

import dev.faultline.core.engine.RunEvent;
import java.util.Objects;

/**
 * One event of a run to journal, for {@link RunJournal#appendAll(java.util.List)}: the same three
 * values {@link RunJournal#append(String, int, RunEvent)} takes.
 *
 * @param runId the run, already begun
 * @param sequence the event's position in the run, from 0, with no gaps
 * @param event the event
 */
public record JournalAppend(String runId, int sequence, RunEvent event) {

    /**
     * Checks the components.
     *
     * @param runId the run id
     * @param sequence the sequence number, not negative
     * @param event the event
     */
    public JournalAppend {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(event, "event");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence + " for run " + runId);
        }
    }
}
