package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A start that waits for a slot under its account's quota of active experiments
 * ({@link EngineConfig#maxActivePerAccount()}): nothing exists in the service for it yet. Its
 * state is {@link RunState#QUEUED} until it is admitted ({@link RunState#PENDING}: the engine
 * goes on with the preflight, the template and the start) or cancelled
 * ({@link RunState#CANCELLED}: by {@link #cancel()}, by the start future's
 * {@code cancel}, by the run's timeout, or because the engine closed or the JVM shuts down).
 *
 * <pre>{@code
 * for (QueuedStart q : engine.queued()) {
 *     log.info("{} waits for {} since {}", q.experiment().name(), q.account(), q.queuedAt());
 * }
 * }</pre>
 */
public final class QueuedStart {

    private final Experiment experiment;
    private final String account;
    private final Instant queuedAt;
    private final int ahead;
    private final AtomicReference<RunState> state = new AtomicReference<>(RunState.QUEUED);
    private final CompletableFuture<Instant> admitted = new CompletableFuture<>();
    private volatile String cancelReason;

    QueuedStart(Experiment experiment, String account, Instant queuedAt, int ahead) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.account = Objects.requireNonNull(account, "account");
        this.queuedAt = Objects.requireNonNull(queuedAt, "queuedAt");
        this.ahead = ahead;
    }

    /**
     * The experiment waiting to start.
     *
     * @return the experiment
     */
    public Experiment experiment() {
        return experiment;
    }

    /**
     * The account and Region whose quota it waits for.
     *
     * @return {@code ACCOUNT/REGION}, for example {@code 123456789012/us-east-1}
     */
    public String account() {
        return account;
    }

    /**
     * When it joined the queue, on the engine's clock.
     *
     * @return the time
     */
    public Instant queuedAt() {
        return queuedAt;
    }

    /**
     * How many starts were active or queued before it when it joined.
     *
     * @return the count
     */
    public int ahead() {
        return ahead;
    }

    /**
     * Where it stands.
     *
     * @return {@code QUEUED}, {@code PENDING} once admitted, or {@code CANCELLED}
     */
    public RunState state() {
        return state.get();
    }

    /**
     * Why it was cancelled.
     *
     * @return the reason, once cancelled
     */
    public Optional<String> cancelReason() {
        return Optional.ofNullable(cancelReason);
    }

    /**
     * Cancels the start if it is still queued: it leaves the queue, nothing is created, and the
     * start future completes exceptionally with an {@code EngineException}.
     *
     * @return true if it was queued and is now cancelled; false once admitted or cancelled
     */
    public boolean cancel() {
        return cancel("The start was cancelled while it waited in the queue of " + account);
    }

    boolean cancel(String reason) {
        Objects.requireNonNull(reason, "reason");
        if (!state.compareAndSet(RunState.QUEUED, RunState.CANCELLED)) {
            return false;
        }
        cancelReason = reason;
        admitted.completeExceptionally(new dev.faultline.core.engine.EngineException(reason));
        return true;
    }

    /** Admits the start, unless it was cancelled; completes {@link #admitted()} with the time. */
    boolean admit(Instant now) {
        if (!state.compareAndSet(RunState.QUEUED, RunState.PENDING)) {
            return false;
        }
        admitted.complete(now);
        return true;
    }

    /** Completes with the admission time, or exceptionally when cancelled. */
    CompletableFuture<Instant> admitted() {
        return admitted;
    }

    @Override
    public String toString() {
        return "QueuedStart[" + experiment.name().orElse("unnamed") + " " + account + " " + state.get() + " since "
                + queuedAt + "]";
    }
}
