package dev.faultline.temporal;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.common.RetryOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import io.temporal.worker.WorkflowImplementationOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Temporal worker that runs Faultline's workflows ({@link ExperimentWorkflow},
 * {@link CampaignWorkflow}) and their activities on one task queue. Run as many as you like, on
 * as many machines: any of them picks up a run another one left when it died.
 *
 * <pre>{@code
 * try (FaultlineWorker worker = FaultlineWorker.builder()
 *         .client(workflowClient)
 *         .clients(TargetClients.of(fisAsyncClient, cloudWatchAsyncClient))
 *         .policy(SafetyPolicy.staging())
 *         .build()) {
 *     worker.start();
 *     ...
 * }
 * }</pre>
 */
public final class FaultlineWorker implements AutoCloseable {

    /** The default task queue. */
    public static final String DEFAULT_TASK_QUEUE = "faultline";

    private static final int DEFAULT_CACHE = 600;
    private static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(10);
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private final WorkerFactory factory;
    private final ScheduledThreadPoolExecutor scheduler;
    private final String taskQueue;

    private FaultlineWorker(Builder b) {
        Objects.requireNonNull(b.client, "client (FaultlineWorker.builder().client(...) is required)");
        Objects.requireNonNull(b.clients, "clients (FaultlineWorker.builder().clients(...) is required)");
        this.taskQueue = b.taskQueue;
        int n = WORKERS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "faultline-worker-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        Validator validator = b.validator == null ? Validator.standard() : b.validator;
        if (b.policy != null) {
            validator = validator.with(b.policy);
        }
        Wiring wiring = new Wiring(b.clients, b.config, validator, b.metrics, b.clock, scheduler, b.client,
                b.recorder, b.reports, b.heartbeat);
        this.factory = WorkerFactory.newInstance(b.client, WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(b.sticky ? DEFAULT_CACHE : 0).build());
        // workflow code only decides; a loaded machine must not pass for a deadlock
        Worker worker = factory.newWorker(taskQueue, WorkerOptions.newBuilder()
                .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis()).build());
        registerWorkflows(worker, b.heartbeat);
        worker.registerActivitiesImplementations(new ExperimentActivitiesImpl(wiring));
    }

    /**
     * Creates a builder.
     *
     * @return a new builder; {@link Builder#client} and {@link Builder#clients} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Registers the experiment and campaign workflows on a worker through factories, so their
     * implementations stay package-private: Temporal needs a public class only to construct one
     * by reflection.
     *
     * @param worker the worker
     * @param heartbeat how often the watch heartbeats
     */
    static void registerWorkflows(Worker worker, Duration heartbeat) {
        WorkflowImplementationOptions options = implementationOptions(heartbeat);
        worker.registerWorkflowImplementationFactory(ExperimentWorkflow.class, ExperimentWorkflowImpl::new, options);
        worker.registerWorkflowImplementationFactory(CampaignWorkflow.class, CampaignWorkflowImpl::new, options);
    }

    /**
     * The activities' timeouts and retries: short steps retry with backoff for up to an hour
     * (throttling, 5xx, FIS's quota of active experiments), the watch heartbeats and retries for
     * as long as the experiment may last (FIS's 12 hours), re-attaching each time.
     *
     * @param heartbeat how often the watch heartbeats
     * @return the options
     */
    static WorkflowImplementationOptions implementationOptions(Duration heartbeat) {
        RetryOptions retry = RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofSeconds(1))
                .setBackoffCoefficient(2.0)
                .setMaximumInterval(Duration.ofSeconds(30))
                .build();
        ActivityOptions step = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(10))
                .setScheduleToCloseTimeout(Duration.ofHours(1))
                .setRetryOptions(retry)
                .build();
        Duration heartbeatTimeout = heartbeat.multipliedBy(5);
        // the first retry of a watch waits a heartbeat timeout, so a worker that is going down does
        // not take it (its pollers may still be open) and the retry goes to a surviving worker
        ActivityOptions watch = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(13))
                .setHeartbeatTimeout(heartbeatTimeout)
                .setRetryOptions(RetryOptions.newBuilder(retry).setInitialInterval(heartbeatTimeout)
                        .setMaximumInterval(heartbeatTimeout.multipliedBy(2)).build())
                .build();
        return WorkflowImplementationOptions.newBuilder()
                .setDefaultActivityOptions(step)
                .setActivityOptions(Map.of("Watch", watch))
                .build();
    }

    /**
     * Starts polling the task queue.
     *
     * @return this worker
     */
    public FaultlineWorker start() {
        factory.start();
        return this;
    }

    /**
     * The task queue this worker polls.
     *
     * @return the queue's name
     */
    public String taskQueue() {
        return taskQueue;
    }

    /**
     * Stops at once, as a worker that dies would: polling ends, activities in flight are
     * interrupted (their engines stop watching; the experiments keep running in FIS), and
     * another worker takes the runs over. For tests and the durability demo.
     */
    public void kill() {
        factory.shutdownNow();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        scheduler.shutdownNow();
    }

    /** Stops polling, lets activities in flight finish for up to ten seconds, then stops. */
    @Override
    public void close() {
        factory.shutdown();
        factory.awaitTermination(10, TimeUnit.SECONDS);
        factory.shutdownNow();
        scheduler.shutdownNow();
    }

    @Override
    public String toString() {
        return "FaultlineWorker[taskQueue=" + taskQueue + "]";
    }

    /** Builds a {@link FaultlineWorker}. */
    public static final class Builder {
        private WorkflowClient client;
        private TargetClients clients;
        private String taskQueue = DEFAULT_TASK_QUEUE;
        private EngineConfig config = EngineConfig.defaults();
        private Validator validator;
        private SafetyPolicy policy;
        private MetricSource metrics;
        private Clock clock = Clock.systemUTC();
        private RunRecorder recorder = RunRecorder.none();
        private Path reports;
        private Duration heartbeat = Duration.ofSeconds(10);
        private boolean sticky = true;

        private Builder() {}

        /**
         * The Temporal client (required): its namespace is the worker's.
         *
         * @param value the client
         * @return this builder
         */
        public Builder client(WorkflowClient value) {
            this.client = Objects.requireNonNull(value, "client");
            return this;
        }

        /**
         * The FIS and CloudWatch clients per target (required).
         *
         * @param value the clients
         * @return this builder
         */
        public Builder clients(TargetClients value) {
            this.clients = Objects.requireNonNull(value, "clients");
            return this;
        }

        /**
         * The task queue; {@code faultline} by default.
         *
         * @param value the queue
         * @return this builder
         */
        public Builder taskQueue(String value) {
            if (Objects.requireNonNull(value, "taskQueue").isBlank()) {
                throw new IllegalArgumentException("taskQueue must not be blank");
            }
            this.taskQueue = value;
            return this;
        }

        /**
         * The engine configuration of the activities (polling, rate, retries inside one
         * activity, watchdog margin, template clean-up, owner tag); its shutdown hook is always
         * off in a worker.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(EngineConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * The validator; {@link Validator#standard()} by default.
         *
         * @param value the validator
         * @return this builder
         */
        public Builder validator(Validator value) {
            this.validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /**
         * A safety policy every run is checked against.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(SafetyPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /**
         * Where steady-state metrics are read; CloudWatch by default.
         *
         * @param value the source
         * @return this builder
         */
        public Builder metrics(MetricSource value) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /**
         * The engines' clock (events, recovery window); the system UTC clock by default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Where runs are recorded (the run journal); nowhere by default.
         *
         * @param value the recorder
         * @return this builder
         */
        public Builder recorder(RunRecorder value) {
            this.recorder = Objects.requireNonNull(value, "recorder");
            return this;
        }

        /**
         * A directory for run reports ({@code DIR/EXPERIMENT-ID/}); none by default.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder reports(Path value) {
            this.reports = Objects.requireNonNull(value, "reports");
            return this;
        }

        /**
         * How often the watch heartbeats; a watch silent for five times this is given to
         * another worker. 10 seconds by default.
         *
         * @param value the interval
         * @return this builder
         */
        public Builder heartbeat(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("heartbeat must be positive, not " + value);
            }
            this.heartbeat = value;
            return this;
        }

        /**
         * Whether the worker keeps workflows cached between their tasks (on by default). Off, every
         * workflow task replays the workflow's history: slower, less memory. (It does not turn
         * Temporal's sticky task queues off, which the SDK always asks for; the dev server,
         * {@link DevServer}, drops them so that a dead worker's workflows go on.)
         *
         * @param value false to turn sticky execution off
         * @return this builder
         */
        public Builder sticky(boolean value) {
            this.sticky = value;
            return this;
        }

        /**
         * Builds the worker (not started yet).
         *
         * @return the worker
         */
        public FaultlineWorker build() {
            return new FaultlineWorker(this);
        }
    }
}
