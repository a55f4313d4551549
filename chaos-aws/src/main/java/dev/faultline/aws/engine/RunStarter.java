package dev.faultline.aws.engine;

import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start path of one engine: admission under the account's quota of active experiments,
 * once admitted the alarms of the metric stop conditions ({@link AlarmSetup}), the preflight,
 * then the launch; a refused or failed start releases its slot,
 * and a cancelled one cancels the queued start or stops the started run.
 */
final class RunStarter {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);
    private static final Duration MIN_LEFT = Duration.ofMillis(1);

    private final EngineContext context;
    private final Launcher launcher;
    private final AccountGate gate;
    private final BiFunction<RunSpec, Preflight, FisRun> newRun;
    private final BooleanSupplier closed;
    private final AlarmSetup alarms;
    private final Set<Launch> launches;

    /**
     * Creates the start path.
     *
     * @param context the engine's shared parts
     * @param launcher creates templates and experiments
     * @param gate the engine's admission queue
     * @param newRun makes the watched run of a launched experiment, with the preflight that let it start
     * @param closed tells whether the engine was closed
     * @param launches where starts and target previews in progress are registered for the shutdown guard
     */
    RunStarter(EngineContext context, Launcher launcher, AccountGate gate,
            BiFunction<RunSpec, Preflight, FisRun> newRun, BooleanSupplier closed, Set<Launch> launches) {
        this.context = Objects.requireNonNull(context, "context");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.newRun = Objects.requireNonNull(newRun, "newRun");
        this.closed = Objects.requireNonNull(closed, "closed");
        this.alarms = new AlarmSetup(context);
        this.launches = Objects.requireNonNull(launches, "launches");
    }

    /**
     * Starts a run: see {@link FisEngine#start(Experiment, RunOptions)}.
     *
     * @param experiment the experiment
     * @param options the run's options
     * @return the run, once started; completes exceptionally (unwrapped) when refused or failed
     */
    CompletableFuture<ExperimentRun> start(Experiment experiment, RunOptions options) {
        if (closed.getAsBoolean()) {
            return CompletableFuture.failedFuture(closedError());
        }
        if (context.validator.validate(experiment).hasErrors()) {
            return unwrapped(checkedStart(experiment, options, newRun)); // refused, without waiting
        }
        AccountGate.Slot slot = gate.enter(experiment, options);
        CompletableFuture<ExperimentRun> started = slot.start.admitted().thenCompose(admittedAt -> {
            BiFunction<RunSpec, Preflight, FisRun> makeRun = (spec, preflight) -> {
                FisRun run = newRun.apply(spec, preflight);
                if (slot.waited()) {
                    run.queued(slot.start);
                }
                return run;
            };
            return provisionedStart(experiment, remaining(options, slot.start, admittedAt), makeRun);
        });
        started.whenComplete((run, error) -> {
            if (error != null) {
                slot.release();
            } else {
                run.completion().whenComplete((outcome, failure) -> slot.release());
            }
        });
        CompletableFuture<ExperimentRun> out = unwrapped(started);
        out.whenComplete((run, error) -> {
            if (out.isCancelled() && !slot.start.cancel("The caller cancelled the start")) {
                started.thenAccept(r -> r.stop("The caller cancelled the start"));
            }
        });
        return out;
    }

    /**
     * Runs the preflight checks.
     *
     * @param experiment the experiment
     * @param options the run's options
     * @return what the checks found
     */
    CompletableFuture<Preflight> preflight(Experiment experiment, RunOptions options) {
        try {
            return new PreflightRunner(context, launches).check(experiment, options);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Makes the alarms of the metric stop conditions exist first, then checks and launches the
     * experiment that names them; a start that does not start releases them again.
     */
    private CompletableFuture<ExperimentRun> provisionedStart(Experiment experiment, RunOptions options,
            BiFunction<RunSpec, Preflight, FisRun> makeRun) {
        return alarms.ensure(experiment).thenCompose(ensured -> {
            BiFunction<RunSpec, Preflight, FisRun> withAlarms = (spec, preflight) -> {
                FisRun run = makeRun.apply(spec, preflight);
                run.afterEnd(() -> ensured.release(true));
                return run;
            };
            return checkedStart(ensured.experiment(), options, withAlarms).handle((run, error) -> error == null
                    ? CompletableFuture.completedFuture(run)
                    : ensured.release(false).<ExperimentRun>thenApply(ignored -> {
                        throw new CompletionException(AwsCalls.unwrap(error));
                    })).thenCompose(f -> f);
        });
    }

    private CompletableFuture<ExperimentRun> checkedStart(Experiment experiment, RunOptions options,
            BiFunction<RunSpec, Preflight, FisRun> makeRun) {
        return preflight(experiment, options).thenCompose(preflight -> {
            if (!preflight.passed()) {
                LOG.debug("run refused by the preflight checks: {}", preflight);
                throw new CompletionException(new RunRefusedException(preflight));
            }
            if (closed.getAsBoolean()) {
                throw new CompletionException(closedError());
            }
            return launcher.start(experiment, options, spec -> makeRun.apply(spec, preflight))
                    .thenApply(run -> (ExperimentRun) run);
        });
    }

    /** The options with the timeout that is left after the wait in the queue. */
    private static RunOptions remaining(RunOptions options, QueuedStart start, Instant admittedAt) {
        if (options.timeout().isEmpty()) {
            return options;
        }
        Duration left = options.timeout().get().minus(Duration.between(start.queuedAt(), admittedAt));
        return RunOptions.builder().from(options).timeout(left.compareTo(MIN_LEFT) < 0 ? MIN_LEFT : left).build();
    }

    /**
     * The error of a start or attach on a closed engine.
     *
     * @return the error
     */
    static EngineException closedError() {
        return new EngineException("The engine is closed; build a new FisEngine to start or attach runs");
    }

    /**
     * The same future with its error unwrapped from the {@code CompletionException} a chain adds.
     *
     * @param future the future
     * @param <T> the value's type
     * @return a new future
     */
    static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> future) {
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
}
