package dev.faultline.core.engine;

import dev.faultline.core.model.Experiment;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A one-shot handle on one experiment run: its id, its current state, its events, and a
 * future that completes with the outcome. Thread-safe.
 */
public interface ExperimentRun {

    /**
     * The service's experiment id.
     *
     * @return the id, for example {@code EXP1a2b3c4d5e6f7g8}
     */
    String experimentId();

    /**
     * The id of the template the experiment was started from.
     *
     * @return the template id, when known
     */
    Optional<String> templateId();

    /**
     * The experiment as it was started (for an attached run: as read back from the service).
     *
     * @return the experiment
     */
    Experiment experiment();

    /**
     * The last state seen.
     *
     * @return the state
     */
    RunState state();

    /**
     * The events published so far, oldest first.
     *
     * @return a snapshot of the events
     */
    List<RunEvent> events();

    /**
     * Registers a listener. It first receives the events already published, in order, then
     * every later one. A listener that throws is logged and keeps receiving events; it never
     * breaks the run.
     *
     * @param listener the listener
     * @return this run
     */
    ExperimentRun onEvent(RunListener listener);

    /**
     * The outcome, once the experiment reached a terminal state (and, with a hypothesis, once
     * the recovery window has been checked).
     *
     * @return a future of the outcome; it completes exceptionally only when the engine could
     *     not learn the outcome (for example the service kept failing)
     */
    CompletableFuture<RunOutcome> completion();

    /**
     * Asks the service to stop the experiment. Idempotent: later calls return the same future.
     *
     * @param reason why, recorded in the events and the outcome
     * @return the same future as {@link #completion()}
     */
    CompletableFuture<RunOutcome> stop(String reason);
}
