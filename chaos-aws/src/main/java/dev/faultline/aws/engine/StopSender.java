package dev.faultline.aws.engine;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code StopExperiment} for one run, again after the poll interval when the call fails
 * with a retryable error (up to {@link EngineConfig#maxFailedPolls()} attempts) while the run
 * still needs stopping; when it gives up, it says so once.
 */
final class StopSender {

    private static final Logger LOG = LoggerFactory.getLogger(FisRun.class);

    private final EngineContext context;
    private final String experimentId;
    private final BooleanSupplier stillNeeded;
    private final Runnable gaveUp;

    /**
     * Creates a sender.
     *
     * @param context the engine's shared parts
     * @param experimentId the experiment to stop
     * @param stillNeeded whether another attempt is still worth making (the run is not terminal nor closed)
     * @param gaveUp called once when no further attempt will be made after a failure
     */
    StopSender(EngineContext context, String experimentId, BooleanSupplier stillNeeded, Runnable gaveUp) {
        this.context = Objects.requireNonNull(context, "context");
        this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        this.stillNeeded = Objects.requireNonNull(stillNeeded, "stillNeeded");
        this.gaveUp = Objects.requireNonNull(gaveUp, "gaveUp");
    }

    /**
     * Makes the given attempt.
     *
     * @param attempt the attempt's number, from 1
     */
    void send(int attempt) {
        context.calls.call("StopExperiment", () -> context.fis.stopExperiment(b -> b.id(experimentId)))
                .whenComplete((response, error) -> {
                    if (error == null) {
                        return;
                    }
                    Throwable cause = AwsCalls.unwrap(error);
                    boolean again = AwsCalls.retryable(cause) && attempt < context.config.maxFailedPolls()
                            && stillNeeded.getAsBoolean();
                    LOG.warn("StopExperiment failed experimentId={} attempt={} tryingAgain={}", experimentId,
                            attempt, again, cause);
                    if (again) {
                        try {
                            context.scheduler.schedule(() -> send(attempt + 1),
                                    context.config.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                            return;
                        } catch (RejectedExecutionException e) {
                            LOG.debug("scheduler closed, no further stop attempt experimentId={}", experimentId);
                        }
                    }
                    gaveUp.run();
                });
    }
}
