package dev.faultline.core.engine;

import dev.faultline.core.model.Experiment;
import java.util.concurrent.CompletableFuture;

/**
 * Runs chaos experiments: validates them, checks that it is safe to start them, starts them
 * and hands back a handle to watch and stop each run.
 *
 * <p>Every method returns at once; the work happens on the engine's own scheduler. A future
 * completes exceptionally with a {@link RunRefusedException} when the experiment may not run
 * (nothing was created in the service), or with an {@link EngineException} when the service
 * failed.
 *
 * <pre>{@code
 * engine.start(experiment)
 *       .thenCompose(run -> {
 *           run.onEvent(event -> log.info("{}", event));
 *           return run.completion();
 *       })
 *       .thenAccept(outcome -> log.info("verdict: {}", outcome.verdict()));
 * }</pre>
 */
public interface ChaosEngine extends AutoCloseable {

    /**
     * Validates, checks and starts an experiment with the default options.
     *
     * @param experiment the experiment
     * @return the running experiment, once the service has accepted it
     */
    default CompletableFuture<ExperimentRun> start(Experiment experiment) {
        return start(experiment, RunOptions.defaults());
    }

    /**
     * Validates, checks and starts an experiment.
     *
     * @param experiment the experiment
     * @param options how to run it
     * @return the running experiment, once the service has accepted it; completes
     *     exceptionally with {@link RunRefusedException} when validation or a preflight check
     *     fails
     */
    CompletableFuture<ExperimentRun> start(Experiment experiment, RunOptions options);

    /**
     * Runs the validation and preflight checks of {@link #start} without starting anything
     * that acts on resources (a target preview runs every action as skipped).
     *
     * @param experiment the experiment
     * @return the checks and the targets they resolved; never completes exceptionally for a
     *     failed check (see {@link Preflight#passed()})
     */
    CompletableFuture<Preflight> preview(Experiment experiment);

    /**
     * Attaches to an experiment that is already running, for example after the controller
     * that started it restarted.
     *
     * @param experimentId the service's experiment id
     * @return a handle whose completion is the experiment's real outcome
     */
    CompletableFuture<ExperimentRun> attach(String experimentId);

    /**
     * Stops watching: runs still in flight keep running in the service unless the engine was
     * configured to stop them on close.
     */
    @Override
    void close();
}
