package dev.faultline.aws.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A scheduler on a fake {@code nanoTime}: nothing runs until {@link #advance} moves the time,
 * then the tasks that are due run on the calling thread, in due order. For tests of pacing
 * logic that must not depend on the machine's load. Only one-shot {@code schedule(Runnable, …)}
 * and {@code execute} are supported.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private record Task(long due, long order, Runnable body) {}

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private long now;
    private long order;

    /** The fake time, for the code under test: {@code scheduler::nanoTime}. */
    synchronized long nanoTime() {
        return now;
    }

    /** The time source as a supplier. */
    LongSupplier clock() {
        return this::nanoTime;
    }

    /** How many tasks wait. */
    synchronized int waiting() {
        return tasks.size();
    }

    /**
     * Moves the time on, running each task when its due time is reached.
     *
     * @param nanos how far
     */
    void advance(long nanos) {
        long until;
        synchronized (this) {
            until = now + nanos;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > until) {
                    now = until;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
            }
            next.body.run();
        }
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        tasks.add(new Task(now + Math.max(0, unit.toNanos(delay)), order++, command));
        return null;
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        throw new UnsupportedOperationException("not used by the code under test");
    }

    @Override
    public void shutdown() {
        // nothing runs on its own
    }

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
