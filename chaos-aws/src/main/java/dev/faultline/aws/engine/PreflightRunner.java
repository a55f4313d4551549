package dev.faultline.aws.engine;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * The checks made before a run, in this order: validation, safety lever, stop conditions, steady
 * state, permissions, targets. Validation comes first: an ERROR ends the checks before any AWS
 * call. The safety-lever, stop-condition, steady-state and permission checks run concurrently; the target preview
 * (a {@code skip-all} experiment, when {@link RunOptions#preview()} asks for it) runs last and
 * only when nothing failed before it. The future never completes exceptionally for a failed
 * check: a service error during a check becomes a failed check that says what went wrong.
 * Nothing is left behind in the service.
 */
final class PreflightRunner {

    private final EngineContext context;
    private final Duration previewTimeout;
    private final Set<Launch> launches;

    /**
     * Creates the runner.
     *
     * @param context the engine's shared parts
     */
    PreflightRunner(EngineContext context) {
        this(context, TargetPreview.DEFAULT_TIMEOUT);
    }

    /**
     * Creates the runner with another limit on the target preview.
     *
     * @param context the engine's shared parts
     * @param previewTimeout how long the target preview may take
     */
    PreflightRunner(EngineContext context, Duration previewTimeout) {
        this(context, previewTimeout, ConcurrentHashMap.newKeySet());
    }

    /**
     * Creates the runner of an engine, whose target preview is registered with its shutdown guard.
     *
     * @param context the engine's shared parts
     * @param launches where the engine's starts in progress are registered for its shutdown guard
     */
    PreflightRunner(EngineContext context, Set<Launch> launches) {
        this(context, TargetPreview.DEFAULT_TIMEOUT, launches);
    }

    private PreflightRunner(EngineContext context, Duration previewTimeout, Set<Launch> launches) {
        this.context = Objects.requireNonNull(context, "context");
        this.previewTimeout = Objects.requireNonNull(previewTimeout, "previewTimeout");
        this.launches = Objects.requireNonNull(launches, "launches");
    }

    /**
     * Checks an experiment.
     *
     * @param experiment the experiment
     * @param options the run's options (whether to preview the targets)
     * @return what the checks found; never completes exceptionally for a failed check
     */
    CompletableFuture<Preflight> check(Experiment experiment, RunOptions options) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(options, "options");
        ValidationResult result = context.validator.validate(experiment);
        Preflight.Builder out = Preflight.builder().violations(result.violations());
        if (result.hasErrors()) {
            out.addCheck(PreflightCheck.failed(PreflightCheck.VALIDATION, result.errors().size()
                    + " error(s): " + result.errors().get(0).message()));
            return CompletableFuture.completedFuture(out.build());
        }
        out.addCheck(PreflightCheck.passed(PreflightCheck.VALIDATION,
                "no errors, " + result.warnings().size() + " warning(s)"));
        CompletableFuture<PreflightCheck> alarms = guarded(PreflightCheck.STOP_CONDITIONS,
                () -> new AlarmCheck(context).check(experiment));
        CompletableFuture<PreflightCheck> steady = guarded(PreflightCheck.STEADY_STATE,
                () -> new SteadyStateCheck(context).check(experiment));
        CompletableFuture<PreflightCheck> permissions = guarded(PreflightCheck.PERMISSIONS,
                () -> new PermissionCheck(context).check(experiment));
        CompletableFuture<PreflightCheck> lever = guarded(PreflightCheck.SAFETY_LEVER,
                () -> new LeverCheck(context).check());
        return alarms.thenCombine(steady, List::of).thenCombine(permissions, (first, third) -> List.of(first.get(0),
                first.get(1), third)).thenCombine(lever, (three, fourth) -> {
            List<PreflightCheck> checks = List.of(fourth, three.get(0), three.get(1), three.get(2));
            out.addAllChecks(checks);
            return checks.stream().anyMatch(c -> c.status() == PreflightCheck.Status.FAILED);
        }).thenCompose(failed -> targets(experiment, options, failed)).thenApply(preview -> {
            out.addCheck(preview.check());
            out.putAllResolvedTargets(preview.resolved());
            return out.build();
        });
    }

    private CompletableFuture<TargetPreview.Result> targets(Experiment experiment, RunOptions options, boolean failed) {
        if (!options.preview()) {
            return CompletableFuture.completedFuture(new TargetPreview.Result(PreflightCheck.skipped(
                    PreflightCheck.TARGETS, "no target preview: the run's options turn it off"), Map.of()));
        }
        if (failed) {
            return CompletableFuture.completedFuture(new TargetPreview.Result(PreflightCheck.skipped(
                    PreflightCheck.TARGETS, "no target preview: an earlier check failed"), Map.of()));
        }
        CompletableFuture<TargetPreview.Result> preview;
        try {
            preview = new TargetPreview(context, previewTimeout, launches).run(experiment, options);
        } catch (RuntimeException e) {
            preview = CompletableFuture.failedFuture(e);
        }
        return preview.exceptionally(error -> TargetPreview.Result.failed("the target preview failed: "
                + describe(error)));
    }

    /** Runs a check so that an unexpected error, thrown or in the future, becomes a failed check. */
    private static CompletableFuture<PreflightCheck> guarded(String name, Supplier<CompletableFuture<PreflightCheck>> check) {
        CompletableFuture<PreflightCheck> f;
        try {
            f = check.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        return f.exceptionally(error -> PreflightCheck.failed(name, "the check could not be made: " + describe(error)));
    }

    /**
     * A warning check.
     *
     * @param name what was checked
     * @param message what is worth knowing
     * @return the check
     */
    static PreflightCheck warning(String name, String message) {
        return new PreflightCheck(name, PreflightCheck.Status.WARNING, message);
    }

    /**
     * An error in words, for a check's message: the service's error code and message, or the
     * exception's message.
     *
     * @param error the error, possibly wrapped
     * @return for example {@code ThrottlingException: Rate exceeded}
     */
    static String describe(Throwable error) {
        Throwable e = AwsCalls.unwrap(error);
        if (e instanceof AwsServiceException) {
            AwsServiceException ase = (AwsServiceException) e;
            String code = ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
            String message = ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage();
            return (code == null ? "HTTP " + ase.statusCode() : code) + ": " + message;
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + message;
    }
}
