package dev.faultline.temporal;

import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The {@link CampaignWorkflow}: a deterministic admission loop over child
 * {@link ExperimentWorkflow}s. A run is admitted when its wave is current (waves), nothing runs
 * (one after another) or always (parallel), and its account/Region and the campaign are under
 * their caps. Each ended run is checked against the stop policy. Not API; deterministic, as
 * {@code WorkflowReplayTest} checks against the recorded histories.
 */
final class CampaignWorkflowImpl implements CampaignWorkflow {

    private static final Logger LOG = Workflow.getLogger(CampaignWorkflowImpl.class);

    private final List<Slot> slots = new ArrayList<>();
    private String name = "";
    private String stopRequest;
    private String stoppedBecause = "";

    /** Creates the workflow; Temporal calls it once per execution. */
    CampaignWorkflowImpl() {
    }

    @Override
    public CampaignResult run(CampaignRequest request) {
        name = request.name();
        List<RunRequest> runs = request.runs();
        int perTarget = request.targets().size();
        for (int i = 0; i < runs.size(); i++) {
            slots.add(new Slot(i, runs.get(i), i / perTarget));
        }
        int wave = 0;
        while (true) {
            if (stopRequest != null && stoppedBecause.isEmpty()) {
                stopAll("stop requested: " + stopRequest);
            }
            if (stoppedBecause.isEmpty()) {
                wave = admit(request, wave);
            }
            if (slots.stream().noneMatch(Slot::running)) {
                break;
            }
            Workflow.await(() -> slots.stream().anyMatch(s -> s.running() && s.promise.isCompleted())
                    || stopRequest != null && stoppedBecause.isEmpty());
            for (Slot s : slots) {
                if (s.running() && s.promise.isCompleted()) {
                    s.result = ended(s);
                    judge(request, s.result);
                }
            }
        }
        return status();
    }

    @Override
    public void requestStop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason == null || reason.isBlank() ? "stop requested" : reason;
        }
    }

    @Override
    public CampaignResult status() {
        List<RunResult> results = new ArrayList<>();
        for (Slot s : slots) {
            if (s.result != null) {
                results.add(s.result);
            } else {
                results.add(placeholder(s.request, CampaignResult.PENDING, s.running() ? "running" : "waiting"));
            }
        }
        return new CampaignResult(name, results, stoppedBecause);
    }

    /** Starts every run the ordering and the caps allow; returns the current wave. */
    private int admit(CampaignRequest request, int wave) {
        int current = wave;
        if (request.ordering() == CampaignOrdering.WAVES) {
            while (current < slots.size() && waveDone(current)) {
                current++;
            }
        }
        Map<String, Integer> active = new HashMap<>();
        int total = 0;
        for (Slot s : slots) {
            if (s.running()) {
                active.merge(s.request.target().key(), 1, Integer::sum);
                total++;
            }
        }
        for (Slot s : slots) {
            if (s.promise != null) {
                continue;
            }
            if (request.ordering() == CampaignOrdering.SEQUENTIAL && total > 0
                    || request.ordering() == CampaignOrdering.WAVES && s.wave != current) {
                break;
            }
            String key = s.request.target().key();
            if (active.getOrDefault(key, 0) >= request.perTargetLimit()
                    || request.globalLimit() > 0 && total >= request.globalLimit()) {
                continue;
            }
            start(s);
            active.merge(key, 1, Integer::sum);
            total++;
        }
        return current;
    }

    private boolean waveDone(int wave) {
        return slots.stream().filter(s -> s.wave == wave).allMatch(s -> s.result != null);
    }

    private void start(Slot s) {
        String id = Workflow.getInfo().getWorkflowId() + "/" + (s.index + 1) + "-"
                + s.request.name().replaceAll("[^A-Za-z0-9._@-]", "-");
        s.childId = id;
        ExperimentWorkflow child = Workflow.newChildWorkflowStub(ExperimentWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setCancellationType(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED)
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL)
                        .build());
        s.promise = Async.function(child::run, s.request);
    }

    private RunResult ended(Slot s) {
        try {
            return s.promise.get();
        } catch (ChildWorkflowFailure e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return placeholder(s.request, "FAILED", "the run's workflow failed: " + cause.getMessage());
        }
    }

    private void judge(CampaignRequest request, RunResult result) {
        if (!stoppedBecause.isEmpty()) {
            return;
        }
        if (result.wasRefuted() && request.stopOn().contains(CampaignStop.REFUTED)) {
            stopAll("the hypothesis of " + result.name() + " was refuted");
        } else if (result.wasRefused() && request.stopOn().contains(CampaignStop.REFUSED)) {
            stopAll(result.name() + " was refused: " + result.reason());
        } else if ("FAILED".equals(result.state()) && request.stopOn().contains(CampaignStop.FAILED)) {
            stopAll(result.name() + " failed: " + result.reason());
        }
    }

    /** Asks every run in flight to stop and skips the runs not started. */
    private void stopAll(String because) {
        stoppedBecause = because;
        LOG.info("campaign stopping: {}", because);
        for (Slot s : slots) {
            if (s.running()) {
                ExperimentWorkflow run = Workflow.newExternalWorkflowStub(ExperimentWorkflow.class, s.childId);
                // a run that ends before the signal arrives is no error: its result comes back anyway
                Async.procedure(run::requestStop, "campaign stopped: " + because).exceptionally(e -> null);
            } else if (s.promise == null) {
                s.result = placeholder(s.request, CampaignResult.SKIPPED, "campaign stopped: " + because);
            }
        }
    }

    private static RunResult placeholder(RunRequest request, String state, String reason) {
        return new RunResult(request.name(), request.target(), List.of(), "", "", state, reason, "", "", "",
                Map.of(), List.of(), "");
    }

    /** One run of the campaign. */
    private static final class Slot {
        final int index;
        final RunRequest request;
        final int wave;
        String childId;
        Promise<RunResult> promise;
        RunResult result;

        Slot(int index, RunRequest request, int wave) {
            this.index = index;
            this.request = request;
            this.wave = wave;
        }

        boolean running() {
            return promise != null && result == null;
        }
    }
}
