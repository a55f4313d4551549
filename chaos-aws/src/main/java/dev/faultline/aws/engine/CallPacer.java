package dev.faultline.aws.engine;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one rate limit, kept at send time: calls wait in three queues and leave one at
 * a time, at least {@code 1 / maxCallsPerSecond} apart measured when each is sent, so that a
 * scheduler running late never lets a burst through. A stop leaves before a poll, and a poll
 * before a create, start or delete, so that a burst of starts never delays a stop or a run's
 * watch beyond one slot in {@value #WORK_SHARE}: when polls alone would fill every slot, every
 * {@value #WORK_SHARE}th send goes to the oldest waiting create, start or delete, so that none
 * waits forever behind the watch of runs already going (at a cap of 10 calls per second and two
 * runs polling every 20 ms, strict priority never sent a third start). No thread waits: the next
 * send is scheduled on the engine's scheduler.
 */
final class CallPacer {

    /** Which queue a call waits in; earlier constants leave first. */
    enum Priority {
        /** Stopping an experiment: safety first. */
        STOP,
        /** Reading state: polls, alarms, metrics, listings. */
        WATCH,
        /** Creating, starting and deleting. */
        WORK
    }

    /** While creates, starts or deletes wait, at least one send in this many is one of them. */
    static final int WORK_SHARE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(CallPacer.class);

    private final ScheduledExecutorService scheduler;
    private final long periodNanos;
    private final LongSupplier nanoTime;
    private final Map<Priority, Queue<Runnable>> queues = new EnumMap<>(Priority.class);
    private long nextSend;
    private boolean wakeUpScheduled;
    private long sent;
    /** Polls sent in a row while a create, start or delete waited. */
    private int watchesWhileWorkWaited;

    /**
     * Creates a pacer.
     *
     * @param maxCallsPerSecond the most calls sent in any one-second window
     * @param scheduler where the next send is scheduled
     * @param nanoTime the time source ({@code System::nanoTime})
     */
    CallPacer(double maxCallsPerSecond, ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.periodNanos = (long) Math.ceil(1_000_000_000d / maxCallsPerSecond);
        for (Priority p : Priority.values()) {
            queues.put(p, new ArrayDeque<>());
        }
        this.nextSend = nanoTime.getAsLong();
    }

    /**
     * Queues a send; it runs on the calling thread when its turn is now, else on the scheduler.
     *
     * @param priority the queue
     * @param send what sends the call; it must not throw
     */
    void submit(Priority priority, Runnable send) {
        Objects.requireNonNull(send, "send");
        synchronized (this) {
            queues.get(priority).add(send);
        }
        drain();
    }

    /**
     * How many calls were sent.
     *
     * @return the count
     */
    synchronized long sent() {
        return sent;
    }

    private void drain() {
        Runnable send;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (now - nextSend < 0) {
                wakeUpAt(nextSend - now);
                return;
            }
            send = next();
            if (send == null) {
                return;
            }
            nextSend = now + periodNanos;
            sent++;
            if (hasWaiting()) {
                wakeUpAt(periodNanos);
            }
        }
        send.run();
    }

    private Runnable next() {
        Runnable stop = queues.get(Priority.STOP).poll();
        if (stop != null) {
            return stop;
        }
        Queue<Runnable> watch = queues.get(Priority.WATCH);
        Queue<Runnable> work = queues.get(Priority.WORK);
        if (!work.isEmpty() && (watch.isEmpty() || watchesWhileWorkWaited >= WORK_SHARE - 1)) {
            watchesWhileWorkWaited = 0;
            return work.poll();
        }
        Runnable poll = watch.poll();
        if (poll != null) {
            watchesWhileWorkWaited = work.isEmpty() ? 0 : watchesWhileWorkWaited + 1;
        }
        return poll;
    }

    private boolean hasWaiting() {
        for (Queue<Runnable> q : queues.values()) {
            if (!q.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private void wakeUpAt(long delayNanos) {
        if (wakeUpScheduled) {
            return;
        }
        wakeUpScheduled = true;
        try {
            scheduler.schedule(this::wakeUp, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            wakeUpScheduled = false;
            LOG.debug("scheduler shut down; {} call(s) left unsent", waiting(), e);
        }
    }

    private void wakeUp() {
        synchronized (this) {
            wakeUpScheduled = false;
        }
        drain();
    }

    private synchronized int waiting() {
        int n = 0;
        for (Queue<Runnable> q : queues.values()) {
            n += q.size();
        }
        return n;
    }

    /**
     * The queue an operation waits in.
     *
     * @param operation the AWS operation's name
     * @return {@link Priority#STOP} for StopExperiment, {@link Priority#WATCH} for reads,
     *     {@link Priority#WORK} for the rest
     */
    static Priority of(String operation) {
        if (operation.equals("StopExperiment")) {
            return Priority.STOP;
        }
        if (operation.startsWith("Get") || operation.startsWith("List") || operation.startsWith("Describe")
                || operation.startsWith("Simulate")) {
            return Priority.WATCH;
        }
        return Priority.WORK;
    }
}
