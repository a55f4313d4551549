package dev.faultline.temporal;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The {@link ExperimentWorkflow}: deterministic decisions only; every AWS call is an
 * {@link ExperimentActivities} step whose timeouts and retries the worker sets.
 * Not API. Workflow code must stay deterministic: {@code WorkflowReplayTest} replays the recorded
 * histories in the test resources and fails the build when a change would break running workflows.
 */
final class ExperimentWorkflowImpl implements ExperimentWorkflow {

    private static final Logger LOG = Workflow.getLogger(ExperimentWorkflowImpl.class);

    private final ExperimentActivities activities = Workflow.newActivityStub(ExperimentActivities.class);
    private RunStatus status = RunStatus.initial();
    private String stopRequest;

    /** Creates the workflow; Temporal calls it once per execution. */
    ExperimentWorkflowImpl() {
    }

    @Override
    public RunResult run(RunRequest request) {
        WorkflowInfo info = Workflow.getInfo();
        String runTag = Tokens.of(info.getWorkflowId(), info.getRunId(), "run");
        Checks checks = activities.check(request);
        if (!checks.passed()) {
            return finish(request, RunResult.refused(request, checks.refusals()));
        }
        if (stopRequest != null) {
            return finish(request, RunResult.refused(request,
                    List.of("a stop was requested before the start: " + stopRequest)));
        }
        status = status.withPhase(RunPhase.STARTING);
        String templateId;
        try {
            templateId = activities.createTemplate(request,
                    Tokens.of(info.getWorkflowId(), info.getRunId(), "template"), runTag);
        } catch (ActivityFailure e) {
            sweep(request, "", runTag);
            return finish(request, failed(request, "", "", "CreateExperimentTemplate failed: " + message(e)));
        }
        String experimentId;
        try {
            experimentId = activities.startExperiment(request, templateId,
                    Tokens.of(info.getWorkflowId(), info.getRunId(), "experiment"), runTag);
        } catch (ActivityFailure e) {
            sweep(request, templateId, runTag);
            return finish(request, failed(request, "", templateId, "StartExperiment failed: " + message(e)));
        }
        status = status.withPhase(RunPhase.RUNNING).withExperimentId(experimentId);
        try {
            return finish(request, watch(request, experimentId, Duration.ofSeconds(checks.watchdogSeconds())));
        } catch (CanceledFailure cancelled) {
            stopAfterCancel(request, experimentId);
            throw cancelled;
        } catch (ActivityFailure e) {
            if (CancellationScope.current().isCancelRequested()) {
                stopAfterCancel(request, experimentId);
                throw new CanceledFailure("the workflow was cancelled");
            }
            return finish(request, failed(request, experimentId, templateId,
                    "watching the experiment failed: " + message(e)));
        }
    }

    @Override
    public void requestStop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason == null || reason.isBlank() ? "stop requested" : reason;
            status = status.withStopReason(stopRequest);
        }
    }

    @Override
    public void progress(RunStatus watched) {
        if (status.phase() != RunPhase.FINISHED && watched != null) {
            status = status.withProgress(watched);
        }
    }

    @Override
    public RunStatus status() {
        return status;
    }

    /** Watches until the end, sending a stop on request or when the watchdog timer fires. */
    private RunResult watch(RunRequest request, String experimentId, Duration watchdog) {
        Promise<RunResult> watched = Async.function(activities::watch, request, experimentId);
        long deadline = Workflow.currentTimeMillis() + watchdog.toMillis();
        String sent = null;
        while (!watched.isCompleted()) {
            if (sent == null && stopRequest != null) {
                sent = stopRequest;
                stop(request, experimentId, sent);
                continue;
            }
            long remaining = deadline - Workflow.currentTimeMillis();
            if (sent == null && remaining <= 0) {
                sent = "watchdog: the run lasted longer than " + watchdog;
                status = status.withStopReason(sent);
                stop(request, experimentId, sent);
                continue;
            }
            if (sent == null) {
                Workflow.await(Duration.ofMillis(remaining), () -> watched.isCompleted() || stopRequest != null);
            } else {
                Workflow.await(watched::isCompleted);
            }
        }
        RunResult result = watched.get();
        return sent == null ? result : result.withStopReason(sent);
    }

    private void stop(RunRequest request, String experimentId, String reason) {
        status = status.withPhase(RunPhase.STOPPING);
        try {
            activities.stopExperiment(request, experimentId, reason);
        } catch (ActivityFailure e) {
            LOG.warn("StopExperiment failed; the watch goes on experimentId={} reason={}", experimentId, reason, e);
        }
    }

    /** After a cancellation: stop the experiment and wait for its end, in a scope not cancelled. */
    private void stopAfterCancel(RunRequest request, String experimentId) {
        String reason = "the workflow was cancelled";
        Workflow.newDetachedCancellationScope(() -> {
            status = status.withStopReason(reason);
            stop(request, experimentId, reason);
            RunResult stopped;
            try {
                stopped = activities.watch(request, experimentId).withStopReason(reason);
            } catch (ActivityFailure e) {
                stopped = failed(request, experimentId, "", "watching the stop failed: " + message(e))
                        .withStopReason(reason);
            }
            finish(request, stopped);
        }).run();
    }

    /** Deletes what a failed start may have left, never failing the workflow for it. */
    private void sweep(RunRequest request, String templateId, String runTag) {
        Workflow.newDetachedCancellationScope(() -> {
            try {
                activities.deleteTemplate(request, templateId, runTag);
            } catch (ActivityFailure e) {
                LOG.warn("deleting the template of a failed start failed templateId={} runTag={}", templateId,
                        runTag, e);
            }
        }).run();
    }

    private RunResult finish(RunRequest request, RunResult result) {
        status = status.withPhase(RunPhase.RECORDING);
        try {
            activities.record(request, result);
        } catch (ActivityFailure e) {
            LOG.warn("recording the run failed; its result stands result={}", result, e);
        }
        status = status.withPhase(RunPhase.FINISHED);
        return result;
    }

    private static RunResult failed(RunRequest request, String experimentId, String templateId, String reason) {
        return new RunResult(request.name(), request.target(), List.of(), experimentId, templateId, "FAILED",
                reason, "", "", "", Map.of(), List.of(), "");
    }

    private static String message(ActivityFailure e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return cause.getMessage();
    }
}
