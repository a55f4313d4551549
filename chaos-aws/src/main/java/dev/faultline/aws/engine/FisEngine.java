package dev.faultline.aws.engine;

import dev.faultline.core.engine.ChaosEngine;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * thread and no future chain blocks. With a journal ({@link FisEngineBuilder#journal}) the engine
 * adds one daemon thread, its journal writer: journal writes are queued in order (at most
 * {@link EngineConfig#journalQueueCapacity()}; when full, the publishing thread waits) and written
 * there, so a slow journal never delays polling; {@link #flushJournal()} waits for them. {@link #attach(String, Experiment)} follows an experiment
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


    private final EngineContext context;
    private final Launcher launcher;
    private final boolean ownsScheduler;
    private final Map<String, FisRun> active = new ConcurrentHashMap<>();
    private final Set<Launch> launches = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AccountGate gate;
    private final ShutdownGuard shutdownGuard;
    private final JournalRecorder recorder;
    private final RunStarter starter;

    FisEngine(FisEngineBuilder b) {
        Objects.requireNonNull(b.fis, "fis (FisEngine.builder().fis(...) is required)");
        Objects.requireNonNull(b.cloudWatch, "cloudWatch (FisEngine.builder().cloudWatch(...) is required)");
        EngineConfig config = b.config == null ? EngineConfig.defaults() : b.config;
        ScheduledExecutorService scheduler = b.scheduler;
        this.ownsScheduler = scheduler == null;
        if (scheduler == null) {
            scheduler = EngineContext.defaultScheduler();
        }
        AwsCalls calls = new AwsCalls(config, scheduler);
        Validator validator = b.validator == null ? Validator.standard() : b.validator;
        if (b.policy != null) {
            validator = validator.with(b.policy);
        }
        MetricSource metrics = b.metrics == null ? new CloudWatchMetricSource(b.cloudWatch, calls) : b.metrics;
        this.context = new EngineContext(b.fis, b.cloudWatch, b.iam, calls, metrics, validator, config,
                b.clock == null ? Clock.systemUTC() : b.clock, scheduler);
        this.launcher = new Launcher(context, launches);
        this.gate = new AccountGate(context);
        this.recorder = new JournalRecorder(b.journal, b.actor == null ? System.getProperty("user.name", "") : b.actor,
                context);
        this.starter = new RunStarter(context, launcher, gate, (spec, preflight) -> newRun(spec,
                recorder.begin(spec, preflight)), closed::get, launches);
        this.shutdownGuard = config.stopOnShutdown()
                ? new ShutdownGuard(context, active::values, () -> launches, gate, recorder::flush) : null;
    }

    /**
     * Creates a builder.
     *
     * @return a new builder; {@link FisEngineBuilder#fis} and {@link FisEngineBuilder#cloudWatch} are required
     */
    public static FisEngineBuilder builder() {
        return new FisEngineBuilder();
    }

    /**
     * {@inheritDoc}
     *
     * <p>A start first takes one of its account's slots ({@link EngineConfig#maxActivePerAccount()},
     * FIS's quota of active experiments): when none is free it waits, first in first out, as a
     * {@link QueuedStart} (see {@link #queued()}); the run's timeout, if it has one, bounds the
     * wait and then the rest of the run. Cancelling the returned future cancels a queued start
     * (nothing is created) or, once the experiment started, stops it. A run that waited has
     * {@code RunQueued} and {@code queued → pending} as its first events. The preflight runs
     * once the start is admitted, so its checks are fresh at the start.
     */
    @Override
    public CompletableFuture<ExperimentRun> start(Experiment experiment, RunOptions options) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(options, "options");
        return starter.start(experiment, options);
    }

    /**
     * The starts waiting for a slot under their account's quota of active experiments.
     *
     * @return a snapshot, oldest first; each can be cancelled
     */
    public List<QueuedStart> queued() {
        return gate.queued();
    }

    @Override
    public CompletableFuture<Preflight> preview(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        return RunStarter.unwrapped(starter.preflight(experiment, RunOptions.builder().preview(true).build()));
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
            return CompletableFuture.failedFuture(RunStarter.closedError());
        }
        return RunStarter.unwrapped(launcher.attach(experimentId, experiment,
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
            return CompletableFuture.failedFuture(RunStarter.closedError());
        }
        if (recorder.journal() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "The engine has no journal to resume from; build it with FisEngine.builder().journal(...)"));
        }
        return RunStarter.unwrapped(CompletableFuture.supplyAsync(recorder.journal()::unfinished, context.scheduler)
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
        return JournalRecorder.runId(run);
    }

    /**
     * Records the report files written for a run in the engine's journal, queued after the run's
     * events (so after its header: {@link dev.faultline.core.journal.RunJournal#reports} called
     * directly might come before the engine's writer has written the run).
     *
     * <pre>{@code
     * engine.journalReports(run, List.of(files.html().toString())).join();   // outside any future chain
     * }</pre>
     *
     * @param run a run this engine started, attached or resumed
     * @param files the files' paths as text
     * @return completes with true once recorded, false when the run is not journaled (the engine
     *     has no journal, or the run's header could not be written); exceptionally with the
     *     journal's {@link dev.faultline.core.journal.JournalException} when the write fails. It
     *     completes on the journal writer thread: chain heavy work with an {@code …Async} method
     */
    public CompletableFuture<Boolean> journalReports(ExperimentRun run, List<String> files) {
        Objects.requireNonNull(run, "run");
        List<String> copy = List.copyOf(files);
        return JournalRecorder.journaling(run).map(j -> j.reports(copy))
                .orElseGet(() -> CompletableFuture.completedFuture(false));
    }

    /**
     * Waits for the journal: the returned future completes once every journal write the engine
     * queued before the call (headers, events, report files) has been made. The engine writes
     * its journal on a thread of its own, so a run's completion can come before its last events
     * are in the journal; flush before reading them back.
     *
     * <pre>{@code
     * RunOutcome outcome = run.completion().join();
     * engine.flushJournal().join();
     * JournaledRun journaled = journal.find(engine.journalRunId(run).orElseThrow()).orElseThrow();
     * }</pre>
     *
     * @return the future, completed at once when the engine has no journal; it completes on the
     *     journal writer thread
     */
    public CompletableFuture<Void> flushJournal() {
        return recorder.flush();
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
     * Deletes the experiment templates Faultline left behind in the service: those tagged
     * {@code faultline:owner} with this engine's owner (run templates and the target previews'
     * templates), created more than {@code olderThan} ago, that no experiment still going
     * (pending, initiating, running, stopping) uses and that no run of this engine is using.
     * Templates of others are never touched.
     *
     * <pre>{@code
     * CleanupReport report = engine.cleanup(Duration.ofHours(24), true).join();   // dry run
     * report.deleted().forEach(t -> log.info("would delete {}", t));
     * }</pre>
     *
     * @param olderThan the least age of a template to delete (zero for any age)
     * @param dryRun true to only report what would be deleted
     * @return the report; completes exceptionally when the templates or experiments cannot be listed
     */
    public CompletableFuture<CleanupReport> cleanup(Duration olderThan, boolean dryRun) {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative, was " + olderThan);
        }
        Set<String> inUse = new java.util.HashSet<>();
        for (Launch launch : launches) {
            inUse.add(launch.runId());
        }
        for (FisRun run : active.values()) {
            run.templateId().ifPresent(inUse::add);
        }
        return RunStarter.unwrapped(new TemplateSweep(context).sweep(olderThan, dryRun, inUse));
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
     * one) is shut down. With a journal, every journal write still queued is then made before
     * close returns (waiting at most {@link EngineConfig#shutdownWait()}; a write queued later is
     * made at once on the thread that queues it) and the journal writer thread ends; the journal
     * itself is left open. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (shutdownGuard != null) {
            shutdownGuard.remove();
        }
        gate.cancelAll("The engine was closed before the queued start was admitted");
        for (FisRun run : new ArrayList<>(active.values())) {
            run.close();
        }
        active.clear();
        if (ownsScheduler) {
            context.scheduler.shutdownNow();
        }
        recorder.close(context.config.shutdownWait());
    }

    @Override
    public String toString() {
        return "FisEngine[owner=" + context.config.owner() + ", active=" + active.size() + "]";
    }

    private FisRun newRun(RunSpec spec, RunJournaling journaling) {
        FisRun run = new FisRun(context, spec, () -> active.remove(spec.experimentId()));
        active.put(spec.experimentId(), run);
        if (journaling != null) {
            run.journaling(journaling);
            run.onEvent(journaling);
        }
        if (closed.get()) {
            run.close();
        }
        return run;
    }
}
