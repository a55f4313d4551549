package dev.faultline.temporal;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.RunJournal;
import java.time.Clock;

/**
 * Where a worker records what its runs did: the seam to the run journal ({@link #journal}). The
 * activities call it (so at least once: a retried activity may repeat a call; the workflow id and
 * experiment id identify a run). The default records nothing.
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
     * A recorder that writes a run journal (a file journal, SQLite, PostgreSQL): each workflow
     * run once, with its header, its events and its report, however often the activities repeat
     * a call and whichever workers watch it. A refused run started no experiment and is not
     * journaled; its result is the workflow's.
     *
     * <pre>{@code
     * FaultlineWorker.builder().recorder(RunRecorder.journal(FileRunJournal.open(dir), "faultline-worker"));
     * }</pre>
     *
     * @param journal the journal (the worker does not close it)
     * @param actor who runs the experiments, as the journal's headers name it
     * @return the recorder
     */
    static RunRecorder journal(RunJournal journal, String actor) {
        return new JournalRunRecorder(journal, actor, Clock.systemUTC());
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
