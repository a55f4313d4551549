package dev.faultline.aws.engine;

import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.validation.Validator;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * What the parts of one engine share: the clients, the call gate, the metric source, the
 * validator, the configuration, the clock and the scheduler.
 */
final class EngineContext {
    private static final AtomicInteger ENGINES = new AtomicInteger();

    final FisAsyncClient fis;
    final CloudWatchAsyncClient cloudWatch;
    private final IamAsyncClient iam;
    final AwsCalls calls;
    final MetricSource metrics;
    final Validator validator;
    final EngineConfig config;
    final Clock clock;
    final ScheduledExecutorService scheduler;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();

    /**
     * Creates the context.
     *
     * @param fis the FIS client
     * @param cloudWatch the CloudWatch client
     * @param iam the IAM client, or null when permissions are not checked
     * @param calls the call gate
     * @param metrics where steady-state metrics are read
     * @param validator the validator (with the safety policy)
     * @param config the configuration
     * @param clock the clock
     * @param scheduler the shared scheduler
     */
    EngineContext(FisAsyncClient fis, CloudWatchAsyncClient cloudWatch, IamAsyncClient iam, AwsCalls calls,
            MetricSource metrics, Validator validator, EngineConfig config, Clock clock,
            ScheduledExecutorService scheduler) {
        this.fis = Objects.requireNonNull(fis, "fis");
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.iam = iam;
        this.calls = Objects.requireNonNull(calls, "calls");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * A new scheduler for an engine that was given none: two daemon threads named
     * {@code faultline-engine-N-M}, cancelled tasks removed at once.
     *
     * @return the scheduler; the engine shuts it down when it closes
     */
    static ScheduledExecutorService defaultScheduler() {
        int engine = ENGINES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "faultline-engine-" + engine + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(2, factory);
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    /** Marks the JVM as shutting down: starts and previews registered from now on send nothing. */
    void shutDown() {
        shuttingDown.set(true);
    }

    /**
     * Registers a start or a target preview with the shutdown guard, before its first mutating
     * call; when the guard already runs (it has taken its list), the launch is aborted at once,
     * so it sends nothing and leaves nothing.
     *
     * @param launches the engine's starts in progress
     * @param launch the new one
     */
    void register(java.util.Set<Launch> launches, Launch launch) {
        launches.add(launch);
        if (shuttingDown.get()) {
            launch.abort();
        }
    }

    /**
     * The IAM client.
     *
     * @return the client, when permissions are checked
     */
    Optional<IamAsyncClient> iam() {
        return Optional.ofNullable(iam);
    }
}
