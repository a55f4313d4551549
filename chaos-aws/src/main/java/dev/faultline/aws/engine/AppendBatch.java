package dev.faultline.aws.engine;

import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.RunJournal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consecutive event appends the {@link JournalWriter} took from its queue together, written with
 * one {@link RunJournal#appendAll} call. When that call fails, the runs' numbers are set back and
 * the events are written again one by one (every append is idempotent, so those the call did
 * record are not duplicated), so one refused event costs only itself, as with single appends.
 */
final class AppendBatch {

    private static final Logger LOG = LoggerFactory.getLogger(AppendBatch.class);

    private final List<RunJournaling.EventWrite> appends = new ArrayList<>();

    /**
     * Adds an append, after those added before.
     *
     * @param append the append
     */
    void add(RunJournaling.EventWrite append) {
        appends.add(append);
    }

    /**
     * Writes the appends, in order; logs what the journal refuses.
     *
     * @param journal the journal
     */
    void write(RunJournal journal) {
        if (appends.size() == 1) {
            appends.get(0).write(journal);
        }
        if (appends.size() <= 1) {
            return;
        }
        Map<RunJournaling, Integer> first = new IdentityHashMap<>();
        List<JournalAppend> records = new ArrayList<>(appends.size());
        for (RunJournaling.EventWrite a : appends) {
            first.putIfAbsent(a.run(), a.run().next());
            JournalAppend record = a.number();
            if (record != null) {
                records.add(record);
            }
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            journal.appendAll(records);
        } catch (RuntimeException e) {
            LOG.debug("A batch of {} journal appends failed; writing them one by one error={}", records.size(),
                    e.getMessage());
            first.forEach(RunJournaling::rewind);
            for (RunJournaling.EventWrite a : appends) {
                a.write(journal);
            }
        }
    }
}
