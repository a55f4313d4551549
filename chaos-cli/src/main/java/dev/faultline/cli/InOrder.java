package dev.faultline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Works on many items on several threads and hands the results over in the items' order, on the
 * calling thread, as soon as each one and all before it are done: what {@code lint DIR} prints
 * is the same whatever the number of threads. One thread works on the calling thread alone.
 */
final class InOrder {

    private InOrder() {}

    /**
     * Applies {@code work} to every item on {@code threads} threads and gives the results to
     * {@code then} in the items' order. {@code work} must be safe to call from several threads;
     * {@code then} is only called from the calling thread.
     *
     * @param items the items
     * @param threads the number of threads, at least 1
     * @param work what to do with one item
     * @param then what to do with each result, in order
     * @param <T> the items' type
     * @param <R> the results' type
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    static <T, R> void apply(List<T> items, int threads, Function<T, R> work, Consumer<R> then) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (threads == 1 || items.size() < 2) {
            for (T item : items) {
                then.accept(work.apply(item));
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), daemons());
        try {
            List<Future<R>> results = new ArrayList<>(items.size());
            for (T item : items) {
                results.add(pool.submit(() -> work.apply(item)));
            }
            for (Future<R> result : results) {
                then.accept(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while linting");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "faultline-lint-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
