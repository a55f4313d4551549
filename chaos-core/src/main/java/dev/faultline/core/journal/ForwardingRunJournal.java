package dev.faultline.core.journal;

import dev.faultline.core.engine.RunEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A journal that forwards every call to another: extend it and override the calls to decorate
 * (time the writes, count them, hold them in a test), the rest reach the journal underneath
 * unchanged. {@link #appendAll(List)} is forwarded as one call, so a batch stays one batch (one
 * JDBC transaction); a decorator of writes overrides it beside {@link #append}.
 *
 * <pre>{@code
 * final class CountingJournal extends ForwardingRunJournal {
 *     final AtomicLong writes = new AtomicLong();
 *     CountingJournal(RunJournal journal) { super(journal); }
 *     @Override public void append(String runId, int sequence, RunEvent event) {
 *         writes.incrementAndGet();
 *         super.append(runId, sequence, event);
 *     }
 * }
 * }</pre>
 */
public abstract class ForwardingRunJournal implements RunJournal {

    private final RunJournal delegate;

    /**
     * Forwards to a journal.
     *
     * @param delegate the journal every call reaches
     */
    protected ForwardingRunJournal(RunJournal delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /**
     * The journal this one forwards to.
     *
     * @return the journal underneath
     */
    protected RunJournal delegate() {
        return delegate;
    }

    @Override
    public void begin(RunHeader header) {
        delegate.begin(header);
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        delegate.append(runId, sequence, event);
    }

    @Override
    public void appendAll(List<JournalAppend> appends) {
        delegate.appendAll(appends);
    }

    @Override
    public void reports(String runId, List<String> files) {
        delegate.reports(runId, files);
    }

    @Override
    public Optional<JournaledRun> find(String runId) {
        return delegate.find(runId);
    }

    @Override
    public JournalPage query(JournalQuery query) {
        return delegate.query(query);
    }

    @Override
    public List<JournaledRun> unfinished() {
        return delegate.unfinished();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
