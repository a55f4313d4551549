package dev.faultline.aws.engine;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Waits until the engine's clock reaches a time, checking it on scheduled ticks (every fast
 * poll interval of wall time), so a manual or a scaled clock works as well as the system clock.
 */
final class ClockWait {

    private ClockWait() {}

    /**
     * A future that completes once the clock has reached a time.
     *
     * @param context the engine's clock, scheduler and tick interval
     * @param when the time to wait for
     * @param abandoned tells when to give up (the future then never completes)
     * @return the future; already complete when the time has passed
     */
    static CompletableFuture<Void> until(EngineContext context, Instant when, BooleanSupplier abandoned) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        tick(context, when, abandoned, done);
        return done;
    }

    private static void tick(EngineContext context, Instant when, BooleanSupplier abandoned,
            CompletableFuture<Void> done) {
        if (abandoned.getAsBoolean()) {
            return;
        }
        if (!context.clock.instant().isBefore(when)) {
            done.complete(null);
            return;
        }
        try {
            context.scheduler.schedule(() -> tick(context, when, abandoned, done),
                    context.config.fastPollInterval().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(e);
        }
    }
}
