package dev.faultline.temporal;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Starts and follows Faultline's workflows: runs and campaigns, their status, their results,
 * stops and cancellations.
 *
 * <pre>{@code
 * FaultlineClient faultline = FaultlineClient.of(workflowClient, "faultline");
 * String id = faultline.startRun(RunRequest.of(nodeLoss));
 * RunResult result = faultline.runResult(id).join();
 * }</pre>
 */
public final class FaultlineClient {

    private final WorkflowClient client;
    private final String taskQueue;

    private FaultlineClient(WorkflowClient client, String taskQueue) {
        this.client = Objects.requireNonNull(client, "client");
        this.taskQueue = Objects.requireNonNull(taskQueue, "taskQueue");
    }

    /**
     * A client for the workers on a task queue.
     *
     * @param client the Temporal client
     * @param taskQueue the workers' task queue
     * @return the client
     */
    public static FaultlineClient of(WorkflowClient client, String taskQueue) {
        return new FaultlineClient(client, taskQueue);
    }

    /**
     * The Temporal client underneath.
     *
     * @return the client
     */
    public WorkflowClient workflowClient() {
        return client;
    }

    /**
     * The workers' task queue.
     *
     * @return the queue
     */
    public String taskQueue() {
        return taskQueue;
    }

    /**
     * Starts a run with a new workflow id ({@code faultline-run-NAME-UUID}).
     *
     * @param request the run
     * @return the workflow id
     */
    public String startRun(RunRequest request) {
        return startRun(request, "faultline-run-" + slug(request.name()) + "-" + UUID.randomUUID());
    }

    /**
     * Starts a run with a given workflow id; a second start with an id still running fails.
     *
     * @param request the run
     * @param workflowId the workflow id
     * @return the workflow id
     */
    public String startRun(RunRequest request, String workflowId) {
        ExperimentWorkflow run = client.newWorkflowStub(ExperimentWorkflow.class, options(workflowId));
        WorkflowClient.start(run::run, request);
        return workflowId;
    }

    /**
     * Starts a campaign with a new workflow id ({@code faultline-campaign-NAME-UUID}).
     *
     * @param request the campaign
     * @return the workflow id
     */
    public String startCampaign(CampaignRequest request) {
        return startCampaign(request, "faultline-campaign-" + slug(request.name()) + "-" + UUID.randomUUID());
    }

    /**
     * Starts a campaign with a given workflow id.
     *
     * @param request the campaign
     * @param workflowId the workflow id
     * @return the workflow id
     */
    public String startCampaign(CampaignRequest request, String workflowId) {
        CampaignWorkflow campaign = client.newWorkflowStub(CampaignWorkflow.class, options(workflowId));
        WorkflowClient.start(campaign::run, request);
        return workflowId;
    }

    /**
     * The result of a run, when it ends.
     *
     * @param workflowId the run's workflow id
     * @return the result; fails when the workflow failed or was cancelled
     */
    public CompletableFuture<RunResult> runResult(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId).getResultAsync(RunResult.class);
    }

    /**
     * The result of a campaign, when it ends.
     *
     * @param workflowId the campaign's workflow id
     * @return the result
     */
    public CompletableFuture<CampaignResult> campaignResult(String workflowId) {
        return client.newUntypedWorkflowStub(workflowId).getResultAsync(CampaignResult.class);
    }

    /**
     * A run's status now (its phase, the experiment's state, actions and latest readings).
     *
     * @param workflowId the run's workflow id
     * @return the status
     */
    public RunStatus runStatus(String workflowId) {
        return client.newWorkflowStub(ExperimentWorkflow.class, workflowId).status();
    }

    /**
     * A campaign's runs so far.
     *
     * @param workflowId the campaign's workflow id
     * @return the status
     */
    public CampaignResult campaignStatus(String workflowId) {
        return client.newWorkflowStub(CampaignWorkflow.class, workflowId).status();
    }

    /**
     * Asks a run or a campaign to stop, with a reason.
     *
     * @param workflowId the workflow id
     * @param reason why
     */
    public void requestStop(String workflowId, String reason) {
        client.newUntypedWorkflowStub(workflowId).signal("requestStop", reason);
    }

    /**
     * Cancels a run or a campaign: its experiments are stopped before it ends.
     *
     * @param workflowId the workflow id
     */
    public void cancel(String workflowId) {
        WorkflowStub stub = client.newUntypedWorkflowStub(workflowId);
        stub.cancel();
    }

    private WorkflowOptions options(String workflowId) {
        return WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(taskQueue)
                // a backstop only: the run's own watchdog timer stops the experiment long before
                .setWorkflowExecutionTimeout(Duration.ofDays(7))
                .build();
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "run" : s.length() > 40 ? s.substring(0, 40) : s;
    }
}
