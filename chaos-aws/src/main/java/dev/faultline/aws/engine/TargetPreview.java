package dev.faultline.aws.engine;

import dev.faultline.aws.FisCompiler;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateTargetAccountConfigurationRequest;
import software.amazon.awssdk.services.fis.model.DeleteExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.GetExperimentRequest;
import software.amazon.awssdk.services.fis.model.ListExperimentResolvedTargetsRequest;
import software.amazon.awssdk.services.fis.model.ResolvedTarget;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;
import software.amazon.awssdk.services.fis.model.StopExperimentRequest;

/**
 * The targets check: a {@code skip-all} preview. It creates a template tagged
 * {@code faultline:purpose=preview}, starts it with {@code actionsMode=skip-all} (FIS resolves
 * the targets and skips every action), polls the experiment on the engine's scheduler until it
 * ends, lists the resolved targets, and always deletes the template (and stops the experiment
 * if it did not end in time). The preview is registered with the engine's shutdown guard like a
 * start (tagged {@code faultline:run} with its own id, before its first mutating call), so a JVM
 * shutdown during the preview stops its experiment and deletes its template. A target that resolves nothing fails the check under
 * {@code emptyTargetResolutionMode=fail} (the run would fail with {@code InvalidTarget}) and is
 * a warning under {@code skip}.
 *
 * <p>The wait is bounded twice: by the engine's clock ({@link #DEFAULT_TIMEOUT} after the start)
 * and by a number of polls worth the same time at the fast poll interval, so a clock that does
 * not move (a LocalFis {@code ManualClock} nobody advances) still ends the wait.
 */
final class TargetPreview {

    /** How long the preview may take before the check gives up. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The value of the {@code faultline:purpose} tag on the preview's template and experiment. */
    static final String PURPOSE = "preview";

    private static final Logger LOG = LoggerFactory.getLogger(TargetPreview.class);
    private static final int PAGE_SIZE = 100;
    private static final Set<String> TERMINAL = Set.of("completed", "stopped", "failed", "cancelled");

    private final EngineContext context;
    private final Duration timeout;
    private final Set<Launch> launches;

    /**
     * What the preview found.
     *
     * @param check the targets check
     * @param resolved the resource ARNs per target name; empty when the preview did not complete
     */
    record Result(PreflightCheck check, Map<String, List<String>> resolved) {
        /**
         * Checks the components.
         *
         * @param check the check
         * @param resolved the resolved targets
         */
        Result {
            Objects.requireNonNull(check, "check");
            resolved = Map.copyOf(resolved);
        }

        static Result failed(String message) {
            return new Result(PreflightCheck.failed(PreflightCheck.TARGETS, message), Map.of());
        }
    }

    /** The last state seen, and whether the experiment ended. */
    private record Seen(software.amazon.awssdk.services.fis.model.Experiment experiment, boolean ended) {}

    /**
     * Creates the preview with the default time limit.
     *
     * @param context the engine's shared parts
     */
    TargetPreview(EngineContext context) {
        this(context, DEFAULT_TIMEOUT);
    }

    /**
     * Creates the preview.
     *
     * @param context the engine's shared parts
     * @param timeout how long to wait for the preview experiment to end
     */
    TargetPreview(EngineContext context, Duration timeout) {
        this(context, timeout, ConcurrentHashMap.newKeySet());
    }

    /**
     * Creates the preview, registered with an engine's shutdown guard.
     *
     * @param context the engine's shared parts
     * @param timeout how long to wait for the preview experiment to end
     * @param launches where the engine's starts in progress are registered for its shutdown guard
     */
    TargetPreview(EngineContext context, Duration timeout, Set<Launch> launches) {
        this.context = Objects.requireNonNull(context, "context");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.launches = Objects.requireNonNull(launches, "launches");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The preview timeout must be positive, was " + timeout);
        }
    }

    /**
     * Runs the preview.
     *
     * @param experiment the experiment (valid)
     * @param options the run's options (their tags go on the preview too)
     * @return what it found; never completes exceptionally
     */
    CompletableFuture<Result> run(Experiment experiment, RunOptions options) {
        Launch launch = new Launch(token());
        Map<String, String> tags = tags(experiment, options);
        tags.put(Launcher.RUN_TAG, launch.runId());
        FisCompiler compiler = FisCompiler.create().withValidator(context.validator);
        CreateExperimentTemplateRequest create;
        try {
            CreateExperimentTemplateRequest plain = compiler.createRequest(withoutMetricStops(experiment), token());
            create = plain.toBuilder().tags(tags).build();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(Result.failed("could not build the preview template: "
                    + PreflightRunner.describe(e)));
        }
        context.register(launches, launch); // known to the shutdown guard before the first mutating call
        CompletableFuture<Result> out = launch.track(context.calls.call("CreateExperimentTemplate",
                () -> launch.send("CreateExperimentTemplate", () -> context.fis.createExperimentTemplate(create))))
                .handle((response, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(Result.failed("could not create the preview template:"
                                + " CreateExperimentTemplate failed (" + PreflightRunner.describe(error) + ")"));
                    }
                    String templateId = response.experimentTemplate().id();
                    launch.templateId(templateId);
                    LOG.debug("preview templateId={}", templateId);
                    return previewThenDelete(launch, compiler, experiment, templateId, tags);
                })
                .thenCompose(f -> f);
        out.whenComplete((result, error) -> {
            launches.remove(launch);
            launch.settled().complete(null);
        });
        return out;
    }

    private CompletableFuture<Result> previewThenDelete(Launch launch, FisCompiler compiler, Experiment experiment,
            String templateId, Map<String, String> tags) {
        CompletableFuture<Result> preview;
        try {
            preview = targetAccounts(launch, compiler.targetAccountRequests(templateId, experiment), 0)
                    .thenCompose(v -> start(launch, experiment, templateId, tags));
        } catch (RuntimeException e) {
            preview = CompletableFuture.failedFuture(e);
        }
        return preview
                .exceptionally(error -> Result.failed("the target preview failed: " + PreflightRunner.describe(error)))
                .thenCompose(result -> context.calls.call("DeleteExperimentTemplate", () -> context.fis
                                .deleteExperimentTemplate(DeleteExperimentTemplateRequest.builder().id(templateId).build()))
                        .handle((deleted, error) -> error == null ? result : notDeleted(result, templateId, error)));
    }

    private static Result notDeleted(Result result, String templateId, Throwable error) {
        LOG.warn("preview template not deleted templateId={}: {}", templateId, PreflightRunner.describe(error));
        PreflightCheck c = result.check();
        String message = c.message() + "; the preview template " + templateId + " (tagged faultline:purpose="
                + PURPOSE + ") could not be deleted (" + PreflightRunner.describe(error) + "): delete it by hand";
        PreflightCheck.Status status = c.status() == PreflightCheck.Status.FAILED ? c.status()
                : PreflightCheck.Status.WARNING;
        return new Result(new PreflightCheck(c.name(), status, message), result.resolved());
    }

    private CompletableFuture<Void> targetAccounts(Launch launch, List<CreateTargetAccountConfigurationRequest> requests,
            int i) {
        if (i >= requests.size()) {
            return CompletableFuture.completedFuture(null);
        }
        CreateTargetAccountConfigurationRequest request = requests.get(i).toBuilder().clientToken(token()).build();
        return launch.track(context.calls.call("CreateTargetAccountConfiguration",
                () -> launch.send("CreateTargetAccountConfiguration",
                        () -> context.fis.createTargetAccountConfiguration(request))))
                .thenCompose(r -> targetAccounts(launch, requests, i + 1));
    }

    private CompletableFuture<Result> start(Launch launch, Experiment experiment, String templateId,
            Map<String, String> tags) {
        StartExperimentRequest request = FisCompiler.create().startRequest(templateId, ActionsMode.SKIP_ALL)
                .toBuilder().clientToken(token()).tags(tags).build();
        return launch.track(context.calls.call("StartExperiment",
                () -> launch.send("StartExperiment", () -> context.fis.startExperiment(request))))
                .handle((response, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(Result.failed("could not start the skip-all preview:"
                                + " StartExperiment failed (" + PreflightRunner.describe(error) + ")"));
                    }
                    String id = response.experiment().id();
                    launch.experimentId(id);
                    LOG.debug("preview experimentId={}, templateId={}", id, templateId);
                    return watch(experiment, id);
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<Result> watch(Experiment experiment, String experimentId) {
        Duration interval = context.config.fastPollInterval();
        long maxPolls = Math.max(1, (timeout.toNanos() + interval.toNanos() - 1) / interval.toNanos());
        Instant deadline = context.clock.instant().plus(timeout);
        return poll(experimentId, 1, maxPolls, deadline).thenCompose(seen -> seen.ended()
                ? outcome(experiment, seen.experiment())
                : giveUp(experimentId, seen.experiment()));
    }

    private CompletableFuture<Seen> poll(String experimentId, long n, long maxPolls, Instant deadline) {
        GetExperimentRequest request = GetExperimentRequest.builder().id(experimentId).build();
        return delay(context.config.fastPollInterval())
                .thenCompose(v -> context.calls.call("GetExperiment", () -> context.fis.getExperiment(request)))
                .thenCompose(response -> {
                    software.amazon.awssdk.services.fis.model.Experiment e = response.experiment();
                    if (TERMINAL.contains(status(e))) {
                        return CompletableFuture.completedFuture(new Seen(e, true));
                    }
                    if (n >= maxPolls || !context.clock.instant().isBefore(deadline)) {
                        return CompletableFuture.completedFuture(new Seen(e, false));
                    }
                    return poll(experimentId, n + 1, maxPolls, deadline);
                });
    }

    private CompletableFuture<Void> delay(Duration d) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        try {
            context.scheduler.schedule(() -> out.complete(null), d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
        }
        return out;
    }

    private CompletableFuture<Result> giveUp(String experimentId, software.amazon.awssdk.services.fis.model.Experiment e) {
        StopExperimentRequest stop = StopExperimentRequest.builder().id(experimentId).build();
        String message = "the skip-all preview " + experimentId + " did not end within " + timeout + " (still "
                + status(e) + "); it was stopped. FIS may be slow to resolve the targets: try again, or start"
                + " without a preview";
        return context.calls.call("StopExperiment", () -> context.fis.stopExperiment(stop))
                .handle((stopped, error) -> Result.failed(error == null ? message
                        : message + " (StopExperiment failed: " + PreflightRunner.describe(error) + ")"));
    }

    private CompletableFuture<Result> outcome(Experiment experiment,
            software.amazon.awssdk.services.fis.model.Experiment e) {
        String status = status(e);
        if (!"completed".equals(status)) {
            return CompletableFuture.completedFuture(Result.failed(PreviewVerdict.failure(experiment, e)));
        }
        Map<String, List<String>> resolved = new LinkedHashMap<>();
        experiment.targets().keySet().forEach(name -> resolved.put(name, new ArrayList<>()));
        return resolvedTargets(e.id(), null, resolved).handle((all, error) -> {
            if (error != null) {
                return new Result(PreflightRunner.warning(PreflightCheck.TARGETS, "the preview completed, but its"
                        + " resolved targets could not be listed: ListExperimentResolvedTargets failed ("
                        + PreflightRunner.describe(error) + ")"), Map.of());
            }
            return PreviewVerdict.judgeResolved(experiment, all);
        });
    }

    private CompletableFuture<Map<String, List<String>>> resolvedTargets(String experimentId, String token,
            Map<String, List<String>> into) {
        ListExperimentResolvedTargetsRequest request = ListExperimentResolvedTargetsRequest.builder()
                .experimentId(experimentId).maxResults(PAGE_SIZE).nextToken(token).build();
        return context.calls.call("ListExperimentResolvedTargets",
                () -> context.fis.listExperimentResolvedTargets(request)).thenCompose(response -> {
                    for (ResolvedTarget t : response.resolvedTargets()) {
                        into.computeIfAbsent(t.targetName(), k -> new ArrayList<>()).add(resource(t));
                    }
                    String next = response.nextToken();
                    if (next != null && !next.isEmpty() && !next.equals(token)) {
                        return resolvedTargets(experimentId, next, into);
                    }
                    return CompletableFuture.completedFuture(into);
                });
    }

    private static String resource(ResolvedTarget t) {
        Map<String, String> info = t.targetInformation();
        String arn = info.get("arn");
        if (arn != null) {
            return arn;
        }
        return info.isEmpty() ? t.resourceType() : String.join(" ", info.values());
    }

    /** The experiment's status, or {@code unknown}. */
    static String status(software.amazon.awssdk.services.fis.model.Experiment e) {
        return e.state() == null || e.state().statusAsString() == null ? "unknown" : e.state().statusAsString();
    }

    private Map<String, String> tags(Experiment experiment, RunOptions options) {
        Map<String, String> tags = new LinkedHashMap<>(experiment.tags());
        tags.putAll(options.tags());
        tags.put("faultline:owner", context.config.owner());
        tags.put("faultline:purpose", PURPOSE);
        return tags;
    }

    /**
     * The experiment without the stop conditions whose alarms do not exist yet (a preview before
     * {@link AlarmSetup} made them): a skip-all preview runs no action a stop condition would stop.
     */
    private static Experiment withoutMetricStops(Experiment experiment) {
        if (experiment.stopConditions().stream().noneMatch(StopCondition::isDefinedByMetrics)) {
            return experiment;
        }
        List<StopCondition> kept = experiment.stopConditions().stream().filter(c -> !c.isDefinedByMetrics()).toList();
        return Experiment.builder().from(experiment).stopConditions(kept.isEmpty() ? List.of(StopCondition.none())
                : kept).build();
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }
}
