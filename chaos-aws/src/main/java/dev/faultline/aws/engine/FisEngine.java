package dev.faultline.aws.engine;

import dev.faultline.core.engine.ChaosEngine;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * Runs experiments in AWS Fault Injection Service (or LocalFis), safely and asynchronously.
 *
 * <p>{@link #start(Experiment, RunOptions) start} validates the experiment and runs the
 * preflight checks (a failed check refuses the run with a {@link RunRefusedException} before
 * the engine makes any AWS call); creates the template and starts the experiment, each with a
 * client token and tagged {@code faultline:owner} (the configured owner) and
 * {@code faultline:run} (a UUID per run) plus the run's own tags; a failed start deletes the
 * template again, so none is left behind. The returned {@link ExperimentRun} is then watched:
 *
 * <ul>
 *   <li>adaptive polling of {@code GetExperiment}: the fast interval while the experiment is
 *       pending, initiating or stopping and near a transition the plan predicts, the normal
 *       interval otherwise; every AWS call of the engine goes through one rate limiter and a
 *       retry with jittered backoff on throttling, 5xx and I/O errors;</li>
 *   <li>an explicit state machine ({@link dev.faultline.core.engine.RunState}'s table; an
 *       illegal transition is logged and ignored) and per-action states, each change published
 *       as an event, in order, to every listener (a failing listener is logged and never breaks
 *       the run);</li>
 *   <li>the hypothesis: its DURING conditions read at most once per poll interval while the
 *       experiment runs (a breach stops it unless the run is observe-only); after the end, the
 *       recovery window on the engine's clock, the AFTER conditions, the BEFORE conditions in
 *       the window that ends at the experiment's start, each condition's series, and the
 *       verdict;</li>
 *   <li>safety: {@link ExperimentRun#stop(String)}, a watchdog that stops a run still going
 *       at its start plus {@link RunOptions#timeout()} (or the plan's duration plus
 *       {@link EngineConfig#watchdogMargin()}), and a JVM shutdown hook (on by default) that
 *       stops every run this engine started and waits up to
 *       {@link EngineConfig#shutdownWait()} for them to end;</li>
 *   <li>the template clean-up per {@link EngineConfig#templateCleanup()}, before the outcome
 *       is handed out.</li>
 * </ul>
 *
 * <p>All runs share one scheduler (two daemon threads unless one is injected); no run owns a
 * thread and no future chain blocks. {@link #attach(String, Experiment)} follows an experiment
 * another controller started (for example before a restart). {@link #close()} stops watching:
 * runs in flight complete exceptionally with an {@link EngineException}, and their
 * experiments keep running in the service.
 *
 * <pre>{@code
 * try (FisEngine engine = FisEngine.builder()
 *         .fis(FisAsyncClient.create())
 *         .cloudWatch(CloudWatchAsyncClient.create())
 *         .policy(SafetyPolicy.staging())
 *         .config(EngineConfig.builder().templateCleanup(TemplateCleanup.ON_SUCCESS).build())
 *         .build()) {
 *     RunOutcome outcome = engine.start(nodeLoss, RunOptions.builder().putTag("team", "payments").build())
 *             .thenCompose(run -> {
 *                 run.onEvent(event -> log.info("{}", event));
 *                 return run.completion();
 *             })
 *             .join();                      // outside any future chain
 *     log.info("{} verdict={}", outcome, outcome.verdict());
 * }
 * }</pre>
 */
public final class FisEngine implements ChaosEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FisEngine.class);
    private static final AtomicInteger ENGINES = new AtomicInteger();

    private final EngineContext context;
    private final Launcher launcher;
    private final boolean ownsScheduler;
    private final Map<String, FisRun> active = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ShutdownGuard shutdownGuard;
    private final JournalRecorder recorder;

    private FisEngine(Builder b) {
        Objects.requireNonNull(b.fis, "fis (FisEngine.builder().fis(...) is required)");
        Objects.requireNonNull(b.cloudWatch, "cloudWatch (FisEngine.builder().cloudWatch(...) is required)");
        EngineConfig config = b.config == null ? EngineConfig.defaults() : b.config;
        ScheduledExecutorService scheduler = b.scheduler;
        this.ownsScheduler = scheduler == null;
        if (scheduler == null) {
            scheduler = defaultScheduler();
        }
        AwsCalls calls = new AwsCalls(config, scheduler);
        Validator validator = b.validator == null ? Validator.standard() : b.validator;
        if (b.policy != null) {
            validator = validator.with(b.policy);
        }
        MetricSource metrics = b.metrics == null ? new CloudWatchMetricSource(b.cloudWatch, calls) : b.metrics;
        this.context = new EngineContext(b.fis, b.cloudWatch, b.iam, calls, metrics, validator, config,
                b.clock == null ? Clock.systemUTC() : b.clock, scheduler);
        this.launcher = new Launcher(context);
        this.recorder = new JournalRecorder(b.journal, b.actor == null ? System.getProperty("user.name", "") : b.actor,
                context);
        this.shutdownGuard = config.stopOnShutdown()
                ? new ShutdownGuard(active::values, config.shutdownWait()) : null;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder; {@link Builder#fis} and {@link Builder#cloudWatch} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    private static ScheduledExecutorService defaultScheduler() {
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

    @Override
    public CompletableFuture<ExperimentRun> start(Experiment experiment, RunOptions options) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(options, "options");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        CompletableFuture<ExperimentRun> started = preflight(experiment, options).thenCompose(preflight -> {
            if (!preflight.passed()) {
                LOG.debug("run refused by the preflight checks: {}", preflight);
                throw new CompletionException(new RunRefusedException(preflight));
            }
            if (closed.get()) {
                throw new CompletionException(closedError());
            }
            return launcher.start(experiment, options, spec -> newRun(spec, recorder.begin(spec, preflight)))
                    .thenApply(run -> (ExperimentRun) run);
        });
        return unwrapped(started);
    }

    @Override
    public CompletableFuture<Preflight> preview(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        return unwrapped(preflight(experiment, RunOptions.builder().preview(true).build()));
    }

    /**
     * Attaches to an experiment that is already running; its experiment model is read back
     * from its template when that still exists (the hypothesis, which FIS does not store, is
     * then unknown: use {@link #attach(String, Experiment)} to keep it).
     *
     * @param experimentId the service's experiment id
     * @return a handle whose completion is the experiment's real outcome
     */
    @Override
    public CompletableFuture<ExperimentRun> attach(String experimentId) {
        return attach(experimentId, null);
    }

    /**
     * Attaches to an experiment that is already running, with the experiment the caller kept
     * when it started it, so that its hypothesis is judged. The run publishes
     * {@code RunStarted(attached = true)} and completes with the real outcome. The template is
     * cleaned up per policy only when it carries this engine's owner tag.
     *
     * <pre>{@code
     * engine.attach(savedId, savedExperiment).thenCompose(ExperimentRun::completion)
     *       .thenAccept(outcome -> log.info("{}", outcome));
     * }</pre>
     *
     * @param experimentId the service's experiment id
     * @param experiment the experiment as it was started, or null to read it from the template
     * @return a handle whose completion is the experiment's real outcome
     */
    public CompletableFuture<ExperimentRun> attach(String experimentId, Experiment experiment) {
        Objects.requireNonNull(experimentId, "experimentId");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        return unwrapped(launcher.attach(experimentId, experiment,
                spec -> newRun(spec, recorder.begin(spec, Preflight.builder().build())))
                .thenApply(run -> (ExperimentRun) run));
    }

    /**
     * Attaches again to every run of the journal that has no outcome yet (the controller's
     * restart story): each is followed to its end under its journaled run id, with the
     * experiment as journaled (so its hypothesis is judged), and its new events are appended
     * after those the journal has. Runs this engine already watches are skipped; a run the
     * service no longer knows is logged and left out.
     *
     * <pre>{@code
     * engine.resumeUnfinished().thenAccept(runs -> runs.forEach(r -> log.info("resumed {}", r)));
     * }</pre>
     *
     * @return the resumed runs
     * @throws IllegalStateException (in the future) when the engine has no journal
     */
    public CompletableFuture<List<ExperimentRun>> resumeUnfinished() {
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedError());
        }
        if (recorder.journal() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The engine has no journal to resume from; build it with FisEngine.builder().journal(...)"));
        }
        return unwrapped(CompletableFuture.supplyAsync(recorder.journal()::unfinished, context.scheduler)
                .thenCompose(runs -> JournalResume.all(runs, active.keySet(), (run, experiment) -> launcher.attach(
                        run.header().experimentId(), experiment, spec -> newRun(spec, recorder.resume(run))))));
    }

    /**
     * The journal's id of a run this engine journals, for example to record its report files
     * with {@link dev.faultline.core.journal.RunJournal#reports}.
     *
     * @param run a run this engine started, attached or resumed
     * @return the run id, empty when the engine has no journal or the run was not journaled
     */
    public Optional<String> journalRunId(ExperimentRun run) {
        Objects.requireNonNull(run, "run");
        return recorder.runId(run);
    }

    /**
     * The runs this engine is watching (started or attached) that have not completed yet.
     *
     * @return a snapshot of the runs
     */
    public List<ExperimentRun> activeRuns() {
        return List.copyOf(active.values());
    }

    /**
     * How many AWS calls the engine has attempted, retries included.
     *
     * @return the count
     */
    public long callAttempts() {
        return context.calls.attempts();
    }

    /**
     * Stops watching: every run in flight completes exceptionally with an
     * {@link EngineException} ("engine closed …") and its experiment keeps running in the
     * service; the shutdown hook is removed, and the engine's own scheduler (not an injected
     * one) is shut down. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (shutdownGuard != null) {
            shutdownGuard.remove();
        }
        for (FisRun run : new ArrayList<>(active.values())) {
            run.close();
        }
        active.clear();
        if (ownsScheduler) {
            context.scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "FisEngine[owner=" + context.config.owner() + ", active=" + active.size() + "]";
    }

    private CompletableFuture<Preflight> preflight(Experiment experiment, RunOptions options) {
        try {
            return new PreflightRunner(context).check(experiment, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private FisRun newRun(RunSpec spec, RunListener journalListener) {
        FisRun run = new FisRun(context, spec, () -> active.remove(spec.experimentId()));
        active.put(spec.experimentId(), run);
        if (journalListener != null) {
            run.onEvent(journalListener);
        }
        if (closed.get()) {
            run.close();
        }
        return run;
    }

    private static EngineException closedError() {
        return new EngineException("The engine is closed; build a new FisEngine to start or attach runs");
    }

    private static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> future) {
        CompletableFuture<T> out = new CompletableFuture<>();
        future.whenComplete((value, error) -> {
            if (error != null) {
                out.completeExceptionally(AwsCalls.unwrap(error));
            } else {
                out.complete(value);
            }
        });
        return out;
    }

    /** Builds a {@link FisEngine}. */
    public static final class Builder {
        private FisAsyncClient fis;
        private CloudWatchAsyncClient cloudWatch;
        private IamAsyncClient iam;
        private SafetyPolicy policy;
        private Validator validator;
        private MetricSource metrics;
        private EngineConfig config;
        private Clock clock;
        private ScheduledExecutorService scheduler;
        private RunJournal journal;
        private String actor;

        private Builder() {}

        /**
         * The journal every run started or attached is recorded in (header, every event, the
         * outcome), and that {@link FisEngine#resumeUnfinished()} reads; none by default.
         *
         * @param value the journal; the engine does not close it
         * @return this builder
         */
        public Builder journal(RunJournal value) {
            this.journal = Objects.requireNonNull(value, "journal");
            return this;
        }

        /**
         * Who starts the runs, as the journal records it; the OS user by default.
         *
         * @param value for example a user or service name
         * @return this builder
         */
        public Builder actor(String value) {
            this.actor = Objects.requireNonNull(value, "actor");
            return this;
        }

        /**
         * The FIS client (required).
         *
         * @param value the client; the engine does not close it
         * @return this builder
         */
        public Builder fis(FisAsyncClient value) {
            this.fis = Objects.requireNonNull(value, "fis");
            return this;
        }

        /**
         * The CloudWatch client (required): alarms and steady-state metrics.
         *
         * @param value the client; the engine does not close it
         * @return this builder
         */
        public Builder cloudWatch(CloudWatchAsyncClient value) {
            this.cloudWatch = Objects.requireNonNull(value, "cloudWatch");
            return this;
        }

        /**
         * The IAM client (optional): with it, the preflight checks the role's permissions.
         *
         * @param value the client; the engine does not close it
         * @return this builder
         */
        public Builder iam(IamAsyncClient value) {
            this.iam = Objects.requireNonNull(value, "iam");
            return this;
        }

        /**
         * A safety policy added to the validator ({@code Validator.standard().with(policy)}, or
         * the given validator with it).
         *
         * @param value the policy
         * @return this builder
         */
        public Builder policy(SafetyPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
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
         * Where steady-state metrics are read; by default CloudWatch {@code GetMetricData}
         * through the engine's rate limiter and retry.
         *
         * @param value the source
         * @return this builder
         */
        public Builder metrics(MetricSource value) {
            this.metrics = Objects.requireNonNull(value, "metrics");
            return this;
        }

        /**
         * The configuration; {@link EngineConfig#defaults()} by default.
         *
         * @param value the configuration
         * @return this builder
         */
        public Builder config(EngineConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /**
         * The clock of events, the watchdog and the recovery window; the system UTC clock by
         * default.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The scheduler all runs share. By default the engine creates a small pool of daemon
         * threads and shuts it down on {@link FisEngine#close()}; an injected scheduler is not
         * shut down.
         *
         * @param value the scheduler
         * @return this builder
         */
        public Builder scheduler(ScheduledExecutorService value) {
            this.scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /**
         * Builds the engine and, when {@link EngineConfig#stopOnShutdown()}, registers its JVM
         * shutdown hook.
         *
         * @return the engine
         * @throws NullPointerException when the FIS or CloudWatch client is missing
         */
        public FisEngine build() {
            return new FisEngine(this);
        }
    }
}
