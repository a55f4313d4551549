package dev.faultline.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One durable experiment run: check (validation, policy, preflight) → create the template and
 * start the experiment (client tokens derived from the workflow id and run id, so a retried
 * activity never starts a second experiment) → watch it to its end (a heartbeating activity
 * running the engine's watch, re-attached on another worker when one dies) → hypothesis verdict,
 * report and journal entry.
 *
 * <p>Safety: a durable timer is the run's watchdog (the run's timeout, or the plan's duration
 * plus the engine's margin): when it fires the workflow stops the experiment. Cancelling the
 * workflow stops the experiment in a detached scope and waits for it to end. The
 * {@link #requestStop(String)} signal does the same with a reason.
 *
 * <pre>{@code
 * ExperimentWorkflow run = client.newWorkflowStub(ExperimentWorkflow.class, options);
 * RunResult result = run.run(RunRequest.of(nodeLoss));
 * }</pre>
 */
@WorkflowInterface
public interface ExperimentWorkflow {

    /** The workflow type's name. */
    String TYPE = "FaultlineExperiment";

    /**
     * Runs the experiment to its end.
     *
     * @param request the run
     * @return how it ended
     */
    @WorkflowMethod(name = TYPE)
    RunResult run(RunRequest request);

    /**
     * Asks the run to stop the experiment (or not to start it).
     *
     * @param reason why, kept in the result
     */
    @SignalMethod(name = "requestStop")
    void requestStop(String reason);

    /**
     * Progress from the watch activity: the experiment's state, actions and readings.
     *
     * @param status what the watch saw
     */
    @SignalMethod(name = "progress")
    void progress(RunStatus status);

    /**
     * The run's current phase, experiment state, actions and latest hypothesis readings.
     *
     * @return the status
     */
    @QueryMethod(name = "status")
    RunStatus status();
}
