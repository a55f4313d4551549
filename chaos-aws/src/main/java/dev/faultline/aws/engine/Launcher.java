package dev.faultline.aws.engine;

import dev.faultline.aws.CompilationException;
import dev.faultline.aws.FisCompiler;
import dev.faultline.aws.FisImporter;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.GetExperimentResponse;
import software.amazon.awssdk.services.fis.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;
import software.amazon.awssdk.services.fis.model.StartExperimentResponse;

/**
 * Creates the runs of one engine: a started run (template and experiment, each with a client
 * token and the owner tags; the template deleted again when the start fails), or an attached
 * one (the experiment and, when it still exists, its template read back).
 */
final class Launcher {

    /** The tag naming the engine owner on every template and experiment the engine creates. */
    static final String OWNER_TAG = "faultline:owner";
    /** The tag naming the run (a UUID) on the template and experiment of a run. */
    static final String RUN_TAG = "faultline:run";

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private final EngineContext context;
    private final FisCompiler compiler;
    private final RunCleanup cleanup;
    private final Set<Launch> launches;

    /**
     * Creates the launcher.
     *
     * @param context the engine's shared parts
     * @param launches where starts in progress are registered for the shutdown guard
     */
    Launcher(EngineContext context, Set<Launch> launches) {
        this.context = Objects.requireNonNull(context, "context");
        this.launches = Objects.requireNonNull(launches, "launches");
        this.compiler = FisCompiler.create().withValidator(context.validator);
        this.cleanup = new RunCleanup(context);
    }

    /**
     * Creates the template and starts the experiment.
     *
     * @param experiment the experiment, already checked
     * @param options the run's options
     * @param makeRun turns the run's spec into a watched run
     * @return the run, once the service accepted it
     */
    CompletableFuture<FisRun> start(Experiment experiment, RunOptions options,
            Function<RunSpec, FisRun> makeRun) {
        String runId = UUID.randomUUID().toString();
        Map<String, String> tags = new LinkedHashMap<>(options.tags());
        tags.put(OWNER_TAG, context.config.owner());
        tags.put(RUN_TAG, runId);
        CreateExperimentTemplateRequest create;
        try {
            CreateExperimentTemplateRequest compiled = compiler.createRequest(experiment, "faultline-" + runId + "-t");
            Map<String, String> templateTags = new LinkedHashMap<>(compiled.tags());
            templateTags.putAll(tags);
            create = compiled.toBuilder().tags(templateTags).build();
        } catch (CompilationException e) {
            return CompletableFuture.failedFuture(e);
        }
        Launch launch = new Launch(runId);
        context.register(launches, launch); // known to the shutdown guard before the first mutating call
        Instant deadline = options.timeout().map(t -> context.clock.instant().plus(t)).orElse(null);
        LOG.debug("creating template run={}", runId);
        CompletableFuture<FisRun> out = launch.track(context.calls.call("CreateExperimentTemplate",
                () -> launch.send("CreateExperimentTemplate", () -> context.fis.createExperimentTemplate(create))))
                .handle((response, error) -> error == null
                        ? CompletableFuture.completedFuture(response.experimentTemplate().id())
                        : createFailed(launch, AwsCalls.unwrap(error)))
                .thenCompose(Function.identity())
                .thenCompose(templateId -> {
                    launch.templateId(templateId);
                    return startExperiment(launch, templateId, tags, deadline);
                })
                .thenApply(started -> {
                    launch.experimentId(started.experiment().id());
                    if (!launch.handOver()) {
                        throw new CompletionException(Launch.abortedError("the hand-over of the started run"));
                    }
                    RunSpec spec = new RunSpec(started.experiment().id(), started.experiment().experimentTemplateId(),
                            experiment, options, plan(experiment), timeout(experiment, options), false, true);
                    FisRun run = makeRun.apply(spec);
                    run.begin(Snapshot.of(started.experiment()));
                    return run;
                });
        out.whenComplete((run, error) -> {
            launches.remove(launch);
            launch.settled().complete(null);
        });
        return out;
    }

    /**
     * After a failed CreateExperimentTemplate whose request may have been handled (its answer
     * lost), deletes any template that carries this run's tag, then fails.
     */
    private CompletableFuture<String> createFailed(Launch launch, Throwable cause) {
        String runId = launch.runId();
        if (launch.aborted()) {
            return CompletableFuture.failedFuture(cause); // the shutdown guard sweeps by the run tag
        }
        if (!AwsCalls.retryable(cause)) {
            return CompletableFuture.failedFuture(new EngineException(
                    "CreateExperimentTemplate failed; nothing was created", cause));
        }
        return sweep(runId, null).handle((deleted, sweepError) -> {
            EngineException failure = new EngineException(sweepError == null
                    ? "CreateExperimentTemplate failed; " + deleted + " template(s) it may have created deleted"
                    : "CreateExperimentTemplate failed, and looking for a template it may have created failed "
                            + "(look for the tag " + RUN_TAG + "=" + runId + ")", cause);
            if (sweepError != null) {
                failure.addSuppressed(AwsCalls.unwrap(sweepError));
            }
            throw new CompletionException(failure);
        });
    }

    /** Deletes every template tagged with the run, following the list's pages; counts them. */
    private CompletableFuture<Integer> sweep(String runId, String nextToken) {
        return context.calls.call("ListExperimentTemplates",
                () -> context.fis.listExperimentTemplates(b -> b.maxResults(100).nextToken(nextToken)))
                .thenCompose(page -> {
                    List<CompletableFuture<Void>> deletes = new ArrayList<>();
                    for (ExperimentTemplateSummary t : page.experimentTemplates()) {
                        if (runId.equals(t.tags().get(RUN_TAG))) {
                            LOG.debug("deleting a template of a failed create templateId={} run={}", t.id(), runId);
                            deletes.add(cleanup.delete(t.id()));
                        }
                    }
                    CompletableFuture<Integer> rest = page.nextToken() == null || page.nextToken().isEmpty()
                            ? CompletableFuture.completedFuture(0) : sweep(runId, page.nextToken());
                    return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new))
                            .thenCombine(rest, (ignored, more) -> deletes.size() + more);
                });
    }

    private CompletableFuture<StartExperimentResponse> startExperiment(Launch launch, String templateId,
            Map<String, String> tags, Instant deadline) {
        StartExperimentRequest start = compiler.startRequest(templateId, ActionsMode.RUN_ALL).toBuilder()
                .clientToken("faultline-" + launch.runId() + "-e").tags(tags).build();
        LOG.debug("starting experiment templateId={} run={}", templateId, launch.runId());
        return startOnce(launch, start, deadline)
                .handle((response, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(response);
                    }
                    Throwable cause = AwsCalls.unwrap(error);
                    if (launch.aborted()) {
                        return CompletableFuture.<StartExperimentResponse>failedFuture(cause);
                    }
                    return deleteAfterFailedStart(templateId, 1).<StartExperimentResponse>handle((ignored, deleteError) -> {
                        EngineException failure = new EngineException(deleteError == null
                                ? "StartExperiment failed; the template " + templateId + " was deleted"
                                : "StartExperiment failed, and the template " + templateId
                                        + " could not be deleted (delete it by hand)", cause);
                        if (deleteError != null) {
                            failure.addSuppressed(AwsCalls.unwrap(deleteError));
                        }
                        throw new CompletionException(failure);
                    });
                })
                .thenCompose(Function.identity());
    }

    /**
     * Sends StartExperiment; a {@code ServiceQuotaExceededException} (the account's active
     * experiments are at FIS's quota, for example through another controller) is back-pressure:
     * the same request, with the same client token, is sent again after
     * {@link EngineConfig#quotaRetryInterval()}, until the run's timeout (if it has one).
     */
    private CompletableFuture<StartExperimentResponse> startOnce(Launch launch, StartExperimentRequest start,
            Instant deadline) {
        return launch.track(context.calls.call("StartExperiment",
                () -> launch.send("StartExperiment", () -> context.fis.startExperiment(start))))
                .handle((response, error) -> {
                    if (error == null) {
                        return CompletableFuture.completedFuture(response);
                    }
                    Throwable cause = AwsCalls.unwrap(error);
                    if (!(cause instanceof ServiceQuotaExceededException) || launch.aborted()) {
                        return CompletableFuture.<StartExperimentResponse>failedFuture(cause);
                    }
                    Instant next = context.clock.instant().plus(context.config.quotaRetryInterval());
                    if (deadline != null && next.isAfter(deadline)) {
                        return CompletableFuture.<StartExperimentResponse>failedFuture(new EngineException(
                                "FIS kept refusing the start: the account is at its quota of active experiments, and"
                                        + " the run's timeout ran out while it waited", cause));
                    }
                    LOG.info("FIS quota of active experiments reached; asking again with the same client token"
                            + " run={} at={}", launch.runId(), next);
                    return ClockWait.until(context, next, () -> false)
                            .thenCompose(ignored -> startOnce(launch, start, deadline));
                })
                .thenCompose(Function.identity());
    }

    private CompletableFuture<Void> deleteAfterFailedStart(String templateId, int round) {
        return cleanup.delete(templateId).handle((ignored, error) -> {
            if (error == null) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            if (round >= context.config.maxFailedPolls() || !AwsCalls.retryable(error)) {
                return CompletableFuture.<Void>failedFuture(AwsCalls.unwrap(error));
            }
            LOG.warn("Deleting the template after a failed start failed; trying again templateId={} round={}",
                    templateId, round, AwsCalls.unwrap(error));
            return deleteAfterFailedStart(templateId, round + 1);
        }).thenCompose(Function.identity());
    }

    /**
     * Reads an experiment that runs already, and its template when it still exists.
     *
     * @param experimentId the experiment id
     * @param given the experiment the caller persisted, or null to read it from the template
     * @param makeRun turns the spec into a watched run
     * @return the run
     */
    CompletableFuture<FisRun> attach(String experimentId, Experiment given, Function<RunSpec, FisRun> makeRun) {
        return context.calls.call("GetExperiment", () -> context.fis.getExperiment(b -> b.id(experimentId)))
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(new EngineException("Could not attach to experiment "
                                + experimentId + ": GetExperiment failed", AwsCalls.unwrap(error)));
                    }
                    return response;
                })
                .thenCompose(response -> template(response).thenApply(template -> {
                    Snapshot first = Snapshot.of(response.experiment());
                    Experiment experiment = given != null ? given : imported(experimentId, template);
                    boolean owned = template != null
                            && context.config.owner().equals(template.tags().get(OWNER_TAG));
                    RunSpec spec = new RunSpec(experimentId, first.templateId(), experiment, RunOptions.defaults(),
                            plan(experiment), timeout(experiment, RunOptions.defaults()), true, owned);
                    FisRun run = makeRun.apply(spec);
                    run.begin(first);
                    return run;
                }));
    }

    private CompletableFuture<ExperimentTemplate> template(GetExperimentResponse response) {
        String templateId = response.experiment().experimentTemplateId();
        if (templateId == null) {
            return CompletableFuture.completedFuture(null);
        }
        return context.calls.call("GetExperimentTemplate",
                () -> context.fis.getExperimentTemplate(b -> b.id(templateId))).handle((t, error) -> {
                    if (error != null) {
                        LOG.debug("template not readable, attaching without it templateId={}", templateId);
                        return null;
                    }
                    return t.experimentTemplate();
                });
    }

    private static Experiment imported(String experimentId, ExperimentTemplate template) {
        if (template != null) {
            try {
                return FisImporter.create().fromTemplate(template).experiment()
                        .orElseGet(() -> minimal(experimentId));
            } catch (RuntimeException e) {
                LOG.warn("Could not import the template of an attached experiment experimentId={}", experimentId, e);
            }
        }
        return minimal(experimentId);
    }

    private static Experiment minimal(String experimentId) {
        return Experiment.builder().description("Attached experiment " + experimentId).build();
    }

    private static ExperimentPlan plan(Experiment experiment) {
        try {
            return ExperimentPlan.of(experiment);
        } catch (RuntimeException e) {
            LOG.debug("no plan for the experiment; polling and the watchdog use the defaults", e);
            return null;
        }
    }

    private Duration timeout(Experiment experiment, RunOptions options) {
        if (options.timeout().isPresent()) {
            return options.timeout().get();
        }
        ExperimentPlan plan = plan(experiment);
        Duration planned = plan == null ? Duration.ZERO : plan.totalDuration();
        return planned.plus(context.config.watchdogMargin());
    }
}
