package dev.faultline.aws.engine;

import dev.faultline.core.journal.RunJournal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one ordered writer of an engine's journal: a daemon thread ({@code faultline-journal-N})
 * that takes the engine's journal writes from a bounded first-in-first-out queue and makes them
 * in the order they were queued, so that a run's header comes before its events, its events come
 * in order, and a slow journal never holds up the engine's scheduler. Consecutive event appends
 * (of any runs) taken from the queue together, up to {@link #BATCH}, go to the journal in one
 * {@link RunJournal#appendAll} call (one transaction in the JDBC journal).
 *
 * <p><b>When the queue is full</b> the thread that queues a write waits until there is room
 * (back-pressure: the engine slows down to the journal's pace); a write is never dropped. An
 * interrupt does not end that wait (the interrupt flag is set again afterwards); the writer
 * thread itself, should it queue a write, makes it at once instead of waiting for itself.
 *
 * <p><b>Close</b> makes every write queued before it, then ends the thread; a write queued after
 * that is made at once on the thread that queues it, so nothing queued is lost on an orderly
 * close. A crash (or {@code SIGKILL}) loses what is still queued: at most the queue's capacity
 * plus the {@link #BATCH} being written.
 */
final class JournalWriter {

    /** The most event appends given to the journal in one call. */
    static final int BATCH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private static final AtomicInteger WRITERS = new AtomicInteger();
    private static final long OFFER_SLICE_MS = 100;

    /** One write, made on the writer thread (or, after close, on the thread that queued it). */
    interface Write {
        /**
         * Makes the write; logs what the journal refuses.
         *
         * @param journal the journal
         */
        void write(RunJournal journal);
    }

    private final RunJournal journal;
    private final BlockingQueue<Write> queue;
    private final int capacity;
    private final Thread thread;
    private final Object inline = new Object();
    private volatile boolean stopped;

    /**
     * Creates the writer and starts its thread.
     *
     * @param journal the journal
     * @param capacity how many writes may wait in the queue
     */
    JournalWriter(RunJournal journal, int capacity) {
        this.journal = Objects.requireNonNull(journal, "journal");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::loop, "faultline-journal-" + WRITERS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** How many writes may wait in the queue. */
    int capacity() {
        return capacity;
    }

    /** How many writes wait in the queue now. */
    int queued() {
        return queue.size();
    }

    /**
     * Queues a write after every write queued before it; waits while the queue is full.
     *
     * @param write the write
     */
    void submit(Write write) {
        Objects.requireNonNull(write, "write");
        if (Thread.currentThread() == thread) {
            if (!queue.offer(write)) {
                safely(write); // waiting for room would wait for this very thread
            }
            return;
        }
        boolean interrupted = false;
        try {
            while (!stopped) {
                try {
                    if (queue.offer(write, OFFER_SLICE_MS, TimeUnit.MILLISECONDS)) {
                        if (stopped) {
                            drainInline(); // the writer may have made its last drain before the offer
                        }
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            synchronized (inline) {
                drainInline();
                safely(write);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A future that completes once every write queued before the call has been made.
     *
     * @return the future; it completes on the writer thread
     */
    CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(journal -> done.complete(null));
        return done;
    }

    /**
     * Makes every write queued so far, then ends the writer thread; waits for both, at most
     * {@code wait}. Idempotent.
     *
     * @param wait how long to wait for the queue to drain
     * @return true when everything queued was written within the wait
     */
    boolean close(Duration wait) {
        if (Thread.currentThread() == thread) {
            queue.offer(Stop.INSTANCE);
            return false;
        }
        boolean interrupted = false;
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!stopped && !queue.contains(Stop.INSTANCE)) { // a full queue must not hold close past the wait
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("The journal writer did not finish within {}; writes still queued={}", wait, queue.size());
                    return false;
                }
                try {
                    queue.offer(Stop.INSTANCE, Math.min(left, TimeUnit.MILLISECONDS.toNanos(OFFER_SLICE_MS)),
                            TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                    LOG.warn("Interrupted while the journal writer drains its queue; writes still queued={}",
                            queue.size());
                    return false;
                }
            }
            while (thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("The journal writer did not finish within {}; writes still queued={}", wait, queue.size());
                    return false;
                }
                try {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true;
                    LOG.warn("Interrupted while the journal writer drains its queue; writes still queued={}",
                            queue.size());
                    return false;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        List<Write> taken = new ArrayList<>(BATCH);
        try {
            boolean stop = false;
            while (!stop) {
                taken.add(queue.take());
                queue.drainTo(taken, BATCH - 1);
                stop = taken.contains(Stop.INSTANCE);
                writeAll(taken);
                taken.clear();
            }
        } catch (InterruptedException e) {
            LOG.warn("The journal writer was interrupted; the rest of its queue is written by whoever queues next");
        } finally {
            stopped = true;
            synchronized (inline) {
                drainInline();
            }
        }
    }

    private void writeAll(List<Write> writes) {
        AppendBatch batch = new AppendBatch();
        for (Write w : writes) {
            if (w instanceof RunJournaling.EventWrite) {
                batch.add((RunJournaling.EventWrite) w);
            } else {
                batch.write(journal);
                batch = new AppendBatch();
                safely(w);
            }
        }
        batch.write(journal);
    }

    private void safely(Write w) {
        try {
            w.write(journal);
        } catch (RuntimeException e) {
            LOG.warn("A journal write failed; the writer goes on with the next", e);
        }
    }

    /** Writes, in order, what is left in the queue. */
    private void drainInline() {
        synchronized (inline) {
            List<Write> rest = new ArrayList<>();
            queue.drainTo(rest);
            if (!rest.isEmpty()) {
                writeAll(rest);
            }
        }
    }

    /** The marker that ends the writer thread. */
    private enum Stop implements Write {
        INSTANCE;

        @Override
        public void write(RunJournal journal) {
            // nothing to write: the loop ends after the writes taken with it
        }
    }
}
