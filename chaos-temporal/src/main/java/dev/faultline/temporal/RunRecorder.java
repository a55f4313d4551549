package dev.faultline.temporal;

import dev.faultline.core.engine.RunEvent;

/**
 * Where a worker records what its runs did: the seam to the run journal. The activities call it
 * (so at least once: a retried activity may repeat a call; the workflow id and experiment id
 * identify a run). The default records nothing.
 *
 * <pre>{@code
 * FaultlineWorker.builder().recorder(new RunRecorder() {
 *     public void finished(String workflowId, RunRequest request, RunResult result) {
 *         journal.append(...);
 *     }
 * });
 * }</pre>
 */
public interface RunRecorder {

    /**
     * A recorder that records nothing.
     *
     * @return the no-op recorder
     */
    static RunRecorder none() {
        return new RunRecorder() { };
    }

    /**
     * An experiment of a workflow was started.
     *
     * @param workflowId the workflow
     * @param request the run
     * @param experimentId the experiment
     */
    default void started(String workflowId, RunRequest request, String experimentId) {
    }

    /**
     * An event of a watched run (state and action changes, hypothesis readings, the end).
     *
     * @param workflowId the workflow
     * @param event the event
     */
    default void event(String workflowId, RunEvent event) {
    }

    /**
     * A run ended: refused, or with the experiment's outcome and verdict.
     *
     * @param workflowId the workflow
     * @param request the run
     * @param result the result
     */
    default void finished(String workflowId, RunRequest request, RunResult result) {
    }
}
