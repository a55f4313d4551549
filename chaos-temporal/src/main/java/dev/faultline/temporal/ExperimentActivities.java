package dev.faultline.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The steps of an {@link ExperimentWorkflow} that touch AWS, each one Faultline's own engine
 * code run as a Temporal activity. Every step is safe to retry: creates and starts carry client
 * tokens derived from the workflow, stops and deletes accept what is already done, and the watch
 * re-attaches to the experiment.
 */
@ActivityInterface
public interface ExperimentActivities {

    /**
     * Validates the experiment (with the worker's safety policy) and runs the engine's preflight.
     *
     * @param request the run
     * @return whether the run may start, and why not
     */
    @ActivityMethod(name = "Check")
    Checks check(RunRequest request);

    /**
     * Creates the experiment template (CreateExperimentTemplate with the client token).
     *
     * @param request the run
     * @param clientToken the template's client token, derived from the workflow
     * @param runTag the value of the {@code faultline:run} tag
     * @return the template id
     */
    @ActivityMethod(name = "CreateTemplate")
    String createTemplate(RunRequest request, String clientToken, String runTag);

    /**
     * Starts the experiment (StartExperiment with the client token).
     *
     * @param request the run
     * @param templateId the template
     * @param clientToken the experiment's client token, derived from the workflow
     * @param runTag the value of the {@code faultline:run} tag
     * @return the experiment id
     */
    @ActivityMethod(name = "StartExperiment")
    String startExperiment(RunRequest request, String templateId, String clientToken, String runTag);

    /**
     * Watches the experiment to its end with the engine (polls, hypothesis readings before,
     * during and after, verdict, template clean-up, report), heartbeating as it goes and sending
     * the workflow its progress. A retry (after a worker died) attaches to the same experiment.
     *
     * @param request the run
     * @param experimentId the experiment
     * @return the outcome
     */
    @ActivityMethod(name = "Watch")
    RunResult watch(RunRequest request, String experimentId);

    /**
     * Asks FIS to stop the experiment; an experiment that has already ended is not an error.
     *
     * @param request the run
     * @param experimentId the experiment
     * @param reason why, for the logs
     */
    @ActivityMethod(name = "StopExperiment")
    void stopExperiment(RunRequest request, String experimentId, String reason);

    /**
     * Deletes what a start that failed for good left behind: the template, and any template
     * tagged with the run's tag (a create whose answer was lost); one already gone is not an error.
     *
     * @param request the run
     * @param templateId the template, or empty when the create never answered
     * @param runTag the value of the {@code faultline:run} tag
     */
    @ActivityMethod(name = "DeleteTemplate")
    void deleteTemplate(RunRequest request, String templateId, String runTag);

    /**
     * Hands the run's result to the worker's {@link RunRecorder} (the run journal).
     *
     * @param request the run
     * @param result the result
     */
    @ActivityMethod(name = "Record")
    void record(RunRequest request, RunResult result);
}
