package dev.faultline.aws.engine;

import dev.faultline.core.engine.EngineException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One start in progress, from before its first mutating call until it is handed over as a
 * watched run (or has failed): its run tag, the ids learnt so far and the call in flight. The
 * shutdown guard aborts it: after that no CreateExperimentTemplate or StartExperiment attempt is
 * sent for it any more (a retry fails at once), and it is never handed over, so the guard alone
 * finds and removes what it created, by its run tag.
 */
final class Launch {

    private final String runId;
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private volatile String templateId;
    private volatile String experimentId;
    private volatile CompletableFuture<?> inFlight = CompletableFuture.completedFuture(null);
    private boolean aborted;
    private boolean handedOver;

    /**
     * Creates a launch.
     *
     * @param runId the run's UUID, the value of its {@code faultline:run} tag
     */
    Launch(String runId) {
        this.runId = Objects.requireNonNull(runId, "runId");
    }

    /** The run's UUID. */
    String runId() {
        return runId;
    }

    /** The template id, once CreateExperimentTemplate answered; else null. */
    String templateId() {
        return templateId;
    }

    void templateId(String value) {
        this.templateId = value;
    }

    /** The experiment id, once StartExperiment answered; else null. */
    String experimentId() {
        return experimentId;
    }

    void experimentId(String value) {
        this.experimentId = value;
    }

    /**
     * Sends a mutating call unless the launch was aborted (then fails at once, not retryable).
     *
     * @param operation the operation, for the error
     * @param call the SDK call
     * @param <T> the response type
     * @return the call's future
     */
    <T> CompletableFuture<T> send(String operation, Supplier<CompletableFuture<T>> call) {
        if (aborted()) {
            return CompletableFuture.failedFuture(abortedError(operation));
        }
        return call.get();
    }

    /**
     * Remembers the call in flight, so that the shutdown guard can wait for it.
     *
     * @param call the call
     * @param <T> the response type
     * @return the same call
     */
    <T> CompletableFuture<T> track(CompletableFuture<T> call) {
        inFlight = call;
        return call;
    }

    /** The call in flight (or the last one). */
    CompletableFuture<?> inFlight() {
        return inFlight;
    }

    /**
     * Aborts the launch unless it was handed over already.
     *
     * @return true if aborted (the caller must clean up after it); false if handed over
     */
    synchronized boolean abort() {
        if (handedOver) {
            return false;
        }
        aborted = true;
        return true;
    }

    /**
     * Hands the launch over to a watched run, unless it was aborted.
     *
     * @return true if handed over; false if aborted
     */
    synchronized boolean handOver() {
        if (aborted) {
            return false;
        }
        handedOver = true;
        return true;
    }

    /** Whether the shutdown guard aborted the launch. */
    synchronized boolean aborted() {
        return aborted;
    }

    /** Completes once the launch has handed over its run or failed. */
    CompletableFuture<Void> settled() {
        return settled;
    }

    /**
     * The error of a call refused because the launch was aborted.
     *
     * @param operation the operation
     * @return the error
     */
    static EngineException abortedError(String operation) {
        return new EngineException("The JVM is shutting down: " + operation + " was not sent; the shutdown hook"
                + " removes what this start created");
    }

    @Override
    public String toString() {
        return "Launch[run=" + runId + ", template=" + templateId + ", experiment=" + experimentId + "]";
    }
}
