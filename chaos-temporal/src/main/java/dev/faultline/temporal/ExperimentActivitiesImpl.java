package dev.faultline.temporal;

import dev.faultline.aws.CompilationException;
import dev.faultline.aws.FisCompiler;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.validation.Violation;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ListExperimentTemplatesResponse;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;

/**
 * The {@link ExperimentActivities}: Faultline's engine (validation, preflight, compiler, watch,
 * hypothesis, report) called from activities, one short-lived engine per call on the worker's
 * shared scheduler.
 */
final class ExperimentActivitiesImpl implements ExperimentActivities {

    /** The tag naming the engine owner (as FisEngine's own runs carry it, so its clean-up applies). */
    public static final String OWNER_TAG = "faultline:owner";
    /** The tag naming the run (derived from the workflow execution). */
    public static final String RUN_TAG = "faultline:run";
    /** The tag naming the workflow id. */
    public static final String WORKFLOW_TAG = "faultline:workflow";

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentActivitiesImpl.class);
    private static final int TAG_VALUE_MAX = 256;

    private final Wiring wiring;
    private final Watcher watcher;

    /**
     * Creates the activities.
     *
     * @param wiring what they are built from
     */
    ExperimentActivitiesImpl(Wiring wiring) {
        this.wiring = Objects.requireNonNull(wiring, "wiring");
        this.watcher = new Watcher(wiring);
    }

    @Override
    public Checks check(RunRequest request) {
        Experiment experiment = readable(request);
        try (FisEngine engine = wiring.engine(request.target())) {
            Preflight preflight = engine.preview(experiment).join();
            List<String> refusals = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (Violation v : preflight.violations()) {
                (v.severity().name().equals("ERROR") ? refusals : warnings).add(v.toString());
            }
            for (PreflightCheck c : preflight.failures()) {
                refusals.add(c.toString());
            }
            return new Checks(preflight.passed(), refusals, warnings, watchdog(request, experiment).toSeconds());
        } catch (RuntimeException e) {
            throw Failures.of("the preflight checks", e);
        }
    }

    @Override
    public String createTemplate(RunRequest request, String clientToken, String runTag) {
        Experiment experiment = readable(request);
        CreateExperimentTemplateRequest create;
        try {
            CreateExperimentTemplateRequest compiled = FisCompiler.create().withValidator(wiring.validator())
                    .createRequest(experiment, clientToken);
            Map<String, String> tags = new LinkedHashMap<>(compiled.tags());
            tags.putAll(tags(request, runTag));
            create = compiled.toBuilder().tags(tags).build();
        } catch (CompilationException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause("the experiment does not compile: "
                    + e.getMessage(), "CompilationException", e);
        }
        try {
            String id = fis(request).createExperimentTemplate(create).join().experimentTemplate().id();
            LOG.debug("template created templateId={} run={}", id, runTag);
            return id;
        } catch (RuntimeException e) {
            throw Failures.of("CreateExperimentTemplate", e);
        }
    }

    @Override
    public String startExperiment(RunRequest request, String templateId, String clientToken, String runTag) {
        StartExperimentRequest start = FisCompiler.create().startRequest(templateId, ActionsMode.RUN_ALL).toBuilder()
                .clientToken(clientToken).tags(tags(request, runTag)).build();
        try {
            String id = fis(request).startExperiment(start).join().experiment().id();
            LOG.debug("experiment started experimentId={} templateId={} run={}", id, templateId, runTag);
            wiring.recorder().started(Activity.getExecutionContext().getInfo().getWorkflowId(), request, id);
            return id;
        } catch (RuntimeException e) {
            throw Failures.of("StartExperiment", e);
        }
    }

    @Override
    public RunResult watch(RunRequest request, String experimentId) {
        return watcher.watch(request, readable(request), experimentId);
    }

    @Override
    public void stopExperiment(RunRequest request, String experimentId, String reason) {
        FisAsyncClient fis = fis(request);
        try {
            fis.stopExperiment(b -> b.id(experimentId)).join();
            LOG.debug("stop sent experimentId={} reason={}", experimentId, reason);
        } catch (RuntimeException e) {
            if (Failures.retryable(e)) {
                throw Failures.of("StopExperiment", e);
            }
            String state = stateOf(fis, experimentId);
            if (!Watcher.TERMINAL.contains(state)) {
                throw Failures.of("StopExperiment (the experiment is " + state + ")", e);
            }
            LOG.debug("no stop needed, the experiment has ended experimentId={} state={}", experimentId, state);
        }
    }

    @Override
    public void deleteTemplate(RunRequest request, String templateId, String runTag) {
        FisAsyncClient fis = fis(request);
        List<String> ids = new ArrayList<>();
        if (!templateId.isEmpty()) {
            ids.add(templateId);
        }
        try {
            String next = null;
            do {
                String token = next;
                ListExperimentTemplatesResponse page = fis.listExperimentTemplates(b -> b.maxResults(100)
                        .nextToken(token)).join();
                for (ExperimentTemplateSummary t : page.experimentTemplates()) {
                    if (runTag.equals(t.tags().get(RUN_TAG)) && !ids.contains(t.id())) {
                        ids.add(t.id());
                    }
                }
                next = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
            } while (next != null);
            for (String id : ids) {
                try {
                    fis.deleteExperimentTemplate(b -> b.id(id)).join();
                    LOG.debug("template of a failed start deleted templateId={}", id);
                } catch (RuntimeException e) {
                    if (!Failures.notFound(e)) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw Failures.of("deleting the template of a failed start", e);
        }
    }

    @Override
    public void record(RunRequest request, RunResult result) {
        wiring.recorder().finished(Activity.getExecutionContext().getInfo().getWorkflowId(), request, result);
    }

    private Duration watchdog(RunRequest request, Experiment experiment) {
        if (request.timeoutSeconds() > 0) {
            return Duration.ofSeconds(request.timeoutSeconds());
        }
        Duration planned;
        try {
            planned = ExperimentPlan.of(experiment).totalDuration();
        } catch (RuntimeException e) {
            planned = Duration.ZERO;
        }
        return planned.plus(wiring.config().watchdogMargin());
    }

    private Map<String, String> tags(RunRequest request, String runTag) {
        Map<String, String> tags = new LinkedHashMap<>(request.tags());
        tags.put(OWNER_TAG, wiring.config().owner());
        tags.put(RUN_TAG, runTag);
        String workflowId = Activity.getExecutionContext().getInfo().getWorkflowId();
        tags.put(WORKFLOW_TAG, workflowId.length() > TAG_VALUE_MAX ? workflowId.substring(0, TAG_VALUE_MAX)
                : workflowId);
        return tags;
    }

    private FisAsyncClient fis(RunRequest request) {
        try {
            return wiring.clients().clients(request.target()).fis();
        } catch (IllegalArgumentException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "UnknownTarget", e);
        }
    }

    private static String stateOf(FisAsyncClient fis, String experimentId) {
        try {
            return fis.getExperiment(b -> b.id(experimentId)).join().experiment().state().statusAsString();
        } catch (RuntimeException e) {
            throw Failures.of("GetExperiment", e);
        }
    }

    private static Experiment readable(RunRequest request) {
        try {
            return request.experiment();
        } catch (IllegalArgumentException e) {
            throw ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), "UnreadableExperiment", e);
        }
    }
}
