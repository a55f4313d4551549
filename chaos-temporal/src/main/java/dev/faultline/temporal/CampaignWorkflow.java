package dev.faultline.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A campaign of experiment runs across accounts and Regions, each run an
 * {@link ExperimentWorkflow} child, within a cap per account and Region and a global cap, in
 * parallel, in waves or one after another; a stop policy ends it early (runs in flight are asked
 * to stop, runs not started are skipped). Cancelling it cancels the runs, which stop their
 * experiments.
 */
@WorkflowInterface
public interface CampaignWorkflow {

    /** The workflow type's name. */
    String TYPE = "FaultlineCampaign";

    /**
     * Runs the campaign.
     *
     * @param request the campaign
     * @return every run with its verdict
     */
    @WorkflowMethod(name = TYPE)
    CampaignResult run(CampaignRequest request);

    /**
     * Stops the campaign: runs in flight stop their experiments, the rest are skipped.
     *
     * @param reason why
     */
    @SignalMethod(name = "requestStop")
    void requestStop(String reason);

    /**
     * The runs so far (not yet ended: {@code PENDING} or their start state).
     *
     * @return the campaign's status
     */
    @QueryMethod(name = "status")
    CampaignResult status();
}
