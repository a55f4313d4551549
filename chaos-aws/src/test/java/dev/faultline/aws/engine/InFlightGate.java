package dev.faultline.aws.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the calls of chosen SDK operations until every one of them is in flight at once, which
 * proves they were issued concurrently: a sequential caller never gets past the first, which
 * is let go only after a deadline, and {@link #together()} then stays false.
 */
final class InFlightGate {

    private final Set<String> operations;
    private final Set<String> arrived = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<Void> open = new CompletableFuture<>();
    private final AtomicBoolean together = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    /**
     * Creates a gate.
     *
     * @param operations the SDK method names to hold, for example {@code describeAlarms}
     * @param deadline when the gate opens anyway (a bound for a sequential caller, not a timing claim)
     */
    InFlightGate(Set<String> operations, Duration deadline) {
        this.operations = Set.copyOf(operations);
        open.completeOnTimeout(null, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether every held operation was in flight at the same moment. */
    boolean together() {
        return together.get();
    }

    /** The most held calls that were in flight at once. */
    int mostInFlight() {
        return most.get();
    }

    /**
     * Wraps an SDK async client so that the held operations wait at the gate.
     *
     * @param type the client interface
     * @param delegate the real client
     * @param <T> the client type
     * @return the wrapped client
     */
    <T> T wrap(Class<T> type, T delegate) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!operations.contains(method.getName())) {
                try {
                    return method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            arrived.add(method.getName());
            if (arrived.containsAll(operations) && now == operations.size()) {
                together.set(true);
                open.complete(null);
            }
            return open.thenCompose(ignored -> {
                try {
                    return (CompletableFuture<?>) method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                    return CompletableFuture.failedFuture(e.getCause());
                } catch (IllegalAccessException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }).whenComplete((result, error) -> inFlight.decrementAndGet());
        }));
    }
}
