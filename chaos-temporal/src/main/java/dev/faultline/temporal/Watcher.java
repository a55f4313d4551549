package dev.faultline.temporal;

import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.ci.JUnitReport;
import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.report.ReportFiles;
import dev.faultline.core.report.RunReport;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationErrorCategory;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watch activity: attaches the engine to the experiment (the engine polls, reads the
 * hypothesis before, during and after, judges it and cleans up the template), heartbeats while
 * it waits, and sends the workflow its progress. When the activity is cancelled, times out or its
 * worker dies, the engine stops watching and the experiment goes on; the next attempt attaches
 * again.
 */
final class Watcher {

    /** The FIS states that end an experiment. */
    static final Set<String> TERMINAL = Set.of("completed", "stopped", "failed", "cancelled");

    private static final Logger LOG = LoggerFactory.getLogger(Watcher.class);

    private final Wiring wiring;

    Watcher(Wiring wiring) {
        this.wiring = wiring;
    }

    RunResult watch(RunRequest request, Experiment experiment, String experimentId) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        ActivityInfo info = context.getInfo();
        ConcurrentLinkedQueue<RunEvent> events = new ConcurrentLinkedQueue<>();
        Progress progress = new Progress(experimentId);
        WorkflowStub workflow = wiring.client() == null ? null
                : wiring.client().newUntypedWorkflowStub(info.getWorkflowId(), Optional.of(info.getRunId()),
                        Optional.empty());
        try (FisEngine engine = wiring.engine(request.target())) {
            ExperimentRun run = engine.attach(experimentId, experiment).join();
            run.onEvent(events::add);
            RunOutcome outcome = null;
            while (outcome == null) {
                try {
                    outcome = run.completion().get(wiring.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    drain(info.getWorkflowId(), events, progress, workflow);
                    context.heartbeat(progress.status().state());
                }
            }
            drain(info.getWorkflowId(), events, progress, workflow);
            return result(request, experiment, outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Activity.wrap(e);
        } catch (ExecutionException | RuntimeException e) {
            if (e instanceof io.temporal.client.ActivityWorkerShutdownException) {
                // reported at once as a retryable failure when the report still gets out (else the
                // heartbeat timeout ends the attempt): the retry goes to another worker
                // benign: an expected end, logged by the SDK at DEBUG, not as a warning with a stack trace
                throw ApplicationFailure.newBuilder().setMessage("the worker is shutting down; another worker"
                        + " re-attaches to experiment " + experimentId).setType("WorkerShutdown").setCause(e)
                        .setCategory(ApplicationErrorCategory.BENIGN).build();
            }
            if (e instanceof io.temporal.client.ActivityCompletionException) {
                throw (io.temporal.client.ActivityCompletionException) e;
            }
            // anything but a missing experiment is worth another attempt: the next one re-attaches
            String message = "watching experiment " + experimentId + " failed: " + Failures.unwrap(e).getMessage();
            if (Failures.notFound(e)) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(message, "ExperimentNotFound", e);
            }
            throw ApplicationFailure.newFailureWithCause(message, Failures.unwrap(e).getClass().getSimpleName(), e);
        }
    }

    private void drain(String workflowId, ConcurrentLinkedQueue<RunEvent> events, Progress progress,
            WorkflowStub workflow) {
        boolean changed = false;
        for (RunEvent e = events.poll(); e != null; e = events.poll()) {
            changed |= progress.apply(e);
            try {
                wiring.recorder().event(workflowId, e);
            } catch (RuntimeException error) {
                LOG.warn("the run recorder failed on an event workflowId={} event={}", workflowId, e, error);
            }
        }
        if (changed && workflow != null) {
            try {
                workflow.signal("progress", progress.status());
            } catch (RuntimeException error) {
                LOG.debug("progress signal not delivered workflowId={}", workflowId, error);
            }
        }
    }

    private RunResult result(RunRequest request, Experiment experiment, RunOutcome outcome) {
        Map<String, String> actions = new LinkedHashMap<>();
        for (ActionOutcome a : outcome.actions()) {
            actions.put(a.name(), a.state().name());
        }
        List<Reading> readings = new ArrayList<>();
        outcome.verdict().ifPresent(v -> v.evidence().forEach(e -> readings.add(Reading.of(e))));
        String report = "";
        if (wiring.reports() != null) {
            try {
                ReportFiles files = RunReport.of(experiment, outcome).writeTo(
                        wiring.reports().resolve(outcome.experimentId()));
                report = files.html().toString();
            } catch (FaultlineException e) {
                LOG.warn("the report could not be written experimentId={}", outcome.experimentId(), e);
            }
        }
        return new RunResult(request.name(), request.target(), List.of(), outcome.experimentId(),
                outcome.templateId().orElse(""), outcome.state().name(), outcome.reason().orElse(""),
                outcome.verdict().map(v -> v.verdict().name()).orElse(""),
                outcome.verdict().map(v -> v.summary()).orElse(""), outcome.stopReason().orElse(""), actions,
                readings, report, JUnitReport.of(experiment, outcome).toXml());
    }

    /** The status the watch reports, built from the run's events on the activity's thread. */
    private static final class Progress {
        private final String experimentId;
        private String state = "";
        private final Map<String, String> actions = new LinkedHashMap<>();
        private final Map<String, Reading> readings = new LinkedHashMap<>();

        Progress(String experimentId) {
            this.experimentId = experimentId;
        }

        boolean apply(RunEvent event) {
            if (event instanceof RunEvent.StateChanged) {
                state = ((RunEvent.StateChanged) event).to().name();
                return true;
            }
            if (event instanceof RunEvent.ActionStateChanged) {
                RunEvent.ActionStateChanged a = (RunEvent.ActionStateChanged) event;
                actions.put(a.actionName(), a.to().name());
                return true;
            }
            if (event instanceof RunEvent.HypothesisChecked) {
                for (Evidence e : ((RunEvent.HypothesisChecked) event).evidence()) {
                    readings.put(e.label() + "/" + e.phase(), Reading.of(e));
                }
                return true;
            }
            return false;
        }

        RunStatus status() {
            return new RunStatus(RunPhase.RUNNING, experimentId, state, actions, new ArrayList<>(readings.values()),
                    "");
        }
    }
}
