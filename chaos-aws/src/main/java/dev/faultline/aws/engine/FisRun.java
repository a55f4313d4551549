package dev.faultline.aws.engine;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run watched by a {@link FisEngine}: an explicit state machine fed by adaptive polling of
 * {@code GetExperiment}, the hypothesis read during and after the run, the stop requests
 * (caller, hypothesis, watchdog, shutdown), the template clean-up and the outcome. Every step
 * runs on the engine's shared scheduler; a run owns no thread.
 */
final class FisRun implements ExperimentRun {

    private static final Logger LOG = LoggerFactory.getLogger(FisRun.class);

    private final EngineContext context;
    private final RunSpec spec;
    private final Runnable onDone;
    private final EventLog events;
    private final PollPlan polls;
    private final HypothesisWatch hypothesis;
    private final RunCleanup cleanup;
    private final RunPoller poller;
    private final RunStateMachine machine;
    private final ServiceTime times = new ServiceTime();
    private final CompletableFuture<RunOutcome> completion = new CompletableFuture<>();
    private final CompletableFuture<Void> settled = new CompletableFuture<>();
    private final AtomicReference<StopRequest> stopRequest = new AtomicReference<>();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Snapshot last;
    private volatile Instant deadline;
    private volatile boolean closed;
    private volatile QueuedStart queued;
    private volatile RunJournaling journaling;
    private volatile Supplier<CompletableFuture<Void>> afterEnd = () -> CompletableFuture.completedFuture(null);

    /**
     * Creates a run; {@link #begin} sets it going.
     *
     * @param context the engine's shared parts
     * @param spec what the run is
     * @param onDone called once when the run's completion completes
     */
    FisRun(EngineContext context, RunSpec spec, Runnable onDone) {
        this.context = Objects.requireNonNull(context, "context");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.onDone = Objects.requireNonNull(onDone, "onDone");
        this.events = new EventLog(spec.experimentId());
        this.machine = new RunStateMachine(spec.experimentId(), events);
        machine.stampWith(times::monotone);
        this.polls = new PollPlan(context.config, spec.plan());
        this.hypothesis = spec.experiment().hypothesis()
                .map(h -> new HypothesisWatch(h, context.metrics, context.config.pollInterval())).orElse(null);
        this.cleanup = new RunCleanup(context);
        this.poller = new RunPoller(context, spec.experimentId(), pollTarget());
    }

    /**
     * Publishes {@code RunStarted}, applies the first answer of the service and starts polling.
     *
     * @param first what StartExperiment or GetExperiment answered
     */
    void begin(Snapshot first) {
        Instant now = context.clock.instant();
        times.learn(first, now); // every event of the run on the service's clock, the queue's too
        QueuedStart q = queued;
        if (q != null) {
            Instant admittedAt = q.admitted().getNow(now);
            events.publish(new RunEvent.RunQueued(spec.experimentId(), times.at(q.queuedAt()), q.account(), q.ahead()));
            events.publish(new RunEvent.StateChanged(spec.experimentId(), times.at(admittedAt), RunState.QUEUED,
                    RunState.PENDING,
                    "admitted after " + Duration.between(q.queuedAt(), admittedAt) + " in the queue"));
        }
        Instant from = spec.attached() && first.startTime() != null ? first.startTime() : now;
        deadline = from.plus(spec.timeout());
        LOG.debug("run started experimentId={} templateId={} attached={} deadline={}", spec.experimentId(),
                spec.templateId(), spec.attached(), deadline);
        Instant at = !spec.attached() && first.creationTime() != null ? times.monotone(first.creationTime())
                : times.at(now);
        events.publish(new RunEvent.RunStarted(spec.experimentId(), at,
                spec.templateId() == null ? "" : spec.templateId(), spec.attached()));
        afterAnswer(first, now);
    }

    /**
     * Records that the start waited in the admission queue; {@link #begin} then publishes
     * {@code RunQueued} and {@code queued → pending} before {@code RunStarted}.
     *
     * @param start the start as it was queued
     */
    void queued(QueuedStart start) {
        this.queued = start;
    }

    /**
     * Sets what is done once the run ended, after the template clean-up and before the outcome
     * is handed out (deleting the alarms of its metric stop conditions); it must not fail.
     *
     * @param hook the work
     */
    void afterEnd(Supplier<CompletableFuture<Void>> hook) {
        this.afterEnd = Objects.requireNonNull(hook, "hook");
    }

    /**
     * Records the listener that journals this run (it knows the run's id in the journal).
     *
     * @param value the listener
     */
    void journaling(RunJournaling value) {
        this.journaling = value;
    }

    /** The listener that journals this run, when the engine journals it. */
    Optional<RunJournaling> journaling() {
        return Optional.ofNullable(journaling);
    }

    /** Tells whether the template is this engine's to delete. */
    boolean ownsTemplate() {
        return spec.ownsTemplate();
    }

    /** Tells whether the engine started this run (rather than attached to it). */
    boolean startedByEngine() {
        return !spec.attached();
    }

    /**
     * A future that completes when the run is terminal, or when a stop request could not be
     * made; for the shutdown hook.
     *
     * @return the future
     */
    CompletableFuture<Void> settled() {
        return settled;
    }

    // ---------------------------------------------------------------- polling

    private RunPoller.Target pollTarget() {
        return new RunPoller.Target() {
            @Override
            public void answered(Snapshot snapshot, Instant now) {
                afterAnswer(snapshot, now);
            }

            @Override
            public void retrying(Instant now) {
                watchdog(now);
            }

            @Override
            public void failed(Throwable error) {
                fail(error);
            }
        };
    }

    private void afterAnswer(Snapshot snapshot, Instant now) {
        apply(snapshot, now);
        if (machine.state().isTerminal()) {
            finish();
            return;
        }
        if (machine.state() == RunState.RUNNING) {
            checkDuring(now);
        }
        watchdog(now);
        poller.schedule(polls.next(machine.state(), snapshot.startTime(), now));
    }

    private void apply(Snapshot snapshot, Instant now) {
        last = snapshot;
        times.learn(snapshot, now);
        machine.apply(snapshot, times.onServiceClock(now));
        if (machine.state().isTerminal()) {
            settled.complete(null);
        }
    }

    // ---------------------------------------------------------------- safety

    private void checkDuring(Instant now) {
        if (hypothesis == null) {
            return;
        }
        CompletableFuture<List<Evidence>> reading = hypothesis.during(now);
        if (reading == null) {
            return;
        }
        reading.whenCompleteAsync((evidence, error) -> {
            if (error != null || closed) {
                return;
            }
            // the event's time is when the readings arrived (each reading keeps its window's end)
            events.publish(new RunEvent.HypothesisChecked(spec.experimentId(), times.at(context.clock.instant()),
                    CheckPhase.DURING, evidence));
            for (Evidence e : evidence) {
                if (e.breached()) {
                    if (spec.options().observeOnly()) {
                        LOG.debug("steady state breached, observe only experimentId={} evidence={}",
                                spec.experimentId(), e);
                    } else {
                        stop(StopSource.HYPOTHESIS, "Steady state breached: " + e);
                    }
                    return;
                }
            }
        }, context.scheduler);
    }

    private void watchdog(Instant now) {
        Instant limit = deadline;
        if (limit != null && !now.isBefore(limit) && !machine.state().isTerminal()) {
            stop(StopSource.WATCHDOG, "The run outlived its deadline " + limit + " (timeout " + spec.timeout() + ")");
        }
    }

    @Override
    public CompletableFuture<RunOutcome> stop(String reason) {
        return stop(StopSource.CALLER, Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Asks the service to stop the experiment, once.
     *
     * @param source who asks
     * @param reason why
     * @return the completion
     */
    CompletableFuture<RunOutcome> stop(StopSource source, String reason) {
        if (machine.state().isTerminal() || closed) {
            return completion;
        }
        StopRequest request = new StopRequest(source, reason);
        if (!stopRequest.compareAndSet(null, request)) {
            return completion;
        }
        LOG.debug("stop requested experimentId={} source={} reason={}", spec.experimentId(), source, reason);
        events.publish(new RunEvent.StopRequested(spec.experimentId(), times.at(context.clock.instant()), source,
                reason));
        new StopSender(context, spec.experimentId(), () -> !machine.state().isTerminal() && !closed,
                () -> settled.complete(null)).send(1);
        return completion;
    }

    // ---------------------------------------------------------------- the end

    private void finish() {
        if (!finishing.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<HypothesisWatch.Final> judged = leverCause().thenCompose(ignored -> hypothesis == null
                ? CompletableFuture.completedFuture(null)
                : ClockWait.until(context, context.clock.instant().plus(hypothesis.recoveryWindow()), () -> closed)
                        .thenCompose(none -> hypothesis.finish(Snapshot.started(last,
                                deadline.minus(spec.timeout())), context.clock.instant())));
        judged.thenComposeAsync(result -> {
            if (result != null && !result.after().isEmpty()) {
                events.publish(new RunEvent.HypothesisChecked(spec.experimentId(), times.at(context.clock.instant()),
                        CheckPhase.AFTER, result.after()));
            }
            return cleanup.afterRun(spec, machine.state()).thenCompose(ignored -> afterEnd.get())
                    .thenApply(ignored -> result);
        }, context.scheduler).whenCompleteAsync((result, error) -> {
            if (error != null) {
                fail(error);
            } else {
                complete(result == null ? null : result.verdict());
            }
        }, context.scheduler);
    }

    /** A run that FIS stopped unasked: the safety lever, when engaged, is recorded as the stop's source. */
    private CompletableFuture<Void> leverCause() {
        return new LeverCheck(context).stoppedBy(machine.state(), stopRequest.get())
                .thenAccept(lever -> lever.ifPresent(r -> stopRequest.compareAndSet(null, r)));
    }

    private void complete(HypothesisVerdict verdict) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        RunOutcome outcome = machine.outcome(spec, last, stopRequest.get(), verdict, events.events());
        LOG.debug("run completed experimentId={} state={}", spec.experimentId(), outcome.state());
        events.publish(new RunEvent.RunCompleted(spec.experimentId(), times.at(context.clock.instant()), outcome));
        onDone.run();
        completion.complete(outcome);
    }

    private void fail(Throwable error) {
        Throwable cause = AwsCalls.unwrap(error);
        FaultlineException failure = cause instanceof FaultlineException ? (FaultlineException) cause
                : new EngineException("The engine failed while following experiment " + spec.experimentId(), cause);
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("run failed experimentId={}", spec.experimentId(), failure);
        events.publish(new RunEvent.RunFailed(spec.experimentId(), times.at(context.clock.instant()), failure));
        onDone.run();
        settled.complete(null);
        completion.completeExceptionally(failure);
    }

    /**
     * Stops watching: the completion fails with an {@link EngineException}; the experiment keeps
     * running in the service.
     */
    void close() {
        closed = true;
        poller.close();
        fail(new EngineException("Engine closed before experiment " + spec.experimentId()
                + " ended; the experiment keeps running in the service (attach to it to follow it)"));
    }

    // ---------------------------------------------------------------- ExperimentRun

    @Override
    public String experimentId() {
        return spec.experimentId();
    }

    @Override
    public Optional<String> templateId() {
        return Optional.ofNullable(spec.templateId());
    }

    @Override
    public Experiment experiment() {
        return spec.experiment();
    }

    @Override
    public RunState state() {
        return machine.state();
    }

    @Override
    public List<RunEvent> events() {
        return events.events();
    }

    @Override
    public ExperimentRun onEvent(RunListener listener) {
        events.subscribe(listener);
        return this;
    }

    @Override
    public CompletableFuture<RunOutcome> completion() {
        return completion;
    }

    @Override
    public String toString() {
        return "FisRun[" + spec.experimentId() + " " + machine.state() + "]";
    }
}
