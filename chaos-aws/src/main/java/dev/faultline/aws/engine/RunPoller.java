package dev.faultline.aws.engine;

import dev.faultline.core.engine.EngineException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.GetExperimentRequest;
import software.amazon.awssdk.services.fis.model.GetExperimentResponse;

/**
 * The polling of one run's experiment: {@code GetExperiment} on the engine's shared scheduler
 * after each delay the run asks for. A failed poll that may succeed later is tolerated up to
 * {@link EngineConfig#maxFailedPolls()} in a row (the run is told, and polled again after the
 * poll interval); then, or at once for an error that will not go away, the run is failed.
 */
final class RunPoller {

    /** What the poller tells its run. */
    interface Target {
        /**
         * The service answered.
         *
         * @param snapshot what it answered
         * @param now when, on the engine's clock
         */
        void answered(Snapshot snapshot, Instant now);

        /**
         * A poll failed and will be made again after the poll interval.
         *
         * @param now when, on the engine's clock
         */
        void retrying(Instant now);

        /**
         * Polling gave up, or the answer could not be applied.
         *
         * @param error why
         */
        void failed(Throwable error);
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunPoller.class);

    private final EngineContext context;
    private final String experimentId;
    private final Target target;
    private final GetExperimentRequest request;
    private volatile ScheduledFuture<?> pending;
    private volatile boolean closed;
    private int failedPolls;

    /**
     * Creates the poller.
     *
     * @param context the engine's shared parts
     * @param experimentId the experiment to poll
     * @param target the run to tell
     */
    RunPoller(EngineContext context, String experimentId, Target target) {
        this.context = Objects.requireNonNull(context, "context");
        this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        this.target = Objects.requireNonNull(target, "target");
        this.request = GetExperimentRequest.builder().id(experimentId).build();
    }

    /**
     * Polls once after a delay.
     *
     * @param delay how long to wait first
     */
    void schedule(Duration delay) {
        if (closed) {
            return;
        }
        try {
            pending = context.scheduler.schedule(this::poll, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            target.failed(new EngineException("The engine's scheduler refused to poll experiment " + experimentId, e));
        }
    }

    /** Stops polling: the poll scheduled is cancelled and answers still to come are ignored. */
    void close() {
        closed = true;
        ScheduledFuture<?> p = pending;
        if (p != null) {
            p.cancel(false);
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        context.calls.call("GetExperiment", () -> context.fis.getExperiment(request))
                .whenCompleteAsync(this::polled, context.scheduler);
    }

    private void polled(GetExperimentResponse response, Throwable error) {
        if (closed) {
            return;
        }
        Instant now = context.clock.instant();
        try {
            if (error != null) {
                pollFailed(AwsCalls.unwrap(error), now);
                return;
            }
            failedPolls = 0;
            target.answered(Snapshot.of(response.experiment()), now);
        } catch (RuntimeException e) {
            target.failed(e);
        }
    }

    private void pollFailed(Throwable cause, Instant now) {
        failedPolls++;
        if (!AwsCalls.retryable(cause) || failedPolls >= context.config.maxFailedPolls()) {
            target.failed(new EngineException("Could not learn the state of experiment " + experimentId
                    + " after " + failedPolls + " failed GetExperiment poll(s); it may still be running", cause));
            return;
        }
        LOG.warn("GetExperiment failed after retries; polling again experimentId={} failedPolls={}",
                experimentId, failedPolls, cause);
        target.retrying(now);
        schedule(context.config.pollInterval());
    }
}
