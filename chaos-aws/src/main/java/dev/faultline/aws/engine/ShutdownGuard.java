package dev.faultline.aws.engine;

import dev.faultline.core.engine.StopSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One engine's JVM shutdown hook: it stops every run the engine started that is still going,
 * and waits a bounded time for them to reach a final state. Registered once, removed by the
 * engine's close.
 */
final class ShutdownGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownGuard.class);

    private final Supplier<Collection<FisRun>> runs;
    private final Duration wait;
    private final Thread hook;

    /**
     * Creates and registers the hook.
     *
     * @param runs the engine's active runs
     * @param wait how long the hook waits for the stopped runs
     */
    ShutdownGuard(Supplier<Collection<FisRun>> runs, Duration wait) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.wait = Objects.requireNonNull(wait, "wait");
        this.hook = new Thread(this::stopAll, "faultline-engine-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Removes the hook; does nothing once the JVM is shutting down. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            LOG.debug("JVM shutting down; the hook stays", e);
        }
    }

    private void stopAll() {
        List<CompletableFuture<Void>> settling = new ArrayList<>();
        for (FisRun run : runs.get()) {
            if (run.startedByEngine() && !run.state().isTerminal()) {
                LOG.info("JVM shutdown: stopping experiment experimentId={}", run.experimentId());
                run.stop(StopSource.SHUTDOWN, "The JVM of the controller that started it is shutting down");
                settling.add(run.settled());
            }
        }
        if (settling.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(settling.toArray(CompletableFuture[]::new)).get(wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("JVM shutdown: some experiments did not reach a final state within {}; they were asked to stop",
                    wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("JVM shutdown: waiting for the experiments to stop failed", e);
        }
    }
}
