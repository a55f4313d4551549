package dev.faultline.aws.engine;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The checks made before a run. Validation comes first: an ERROR ends the checks before any
 * AWS call. The future never completes exceptionally for a failed check: a service error
 * during a check becomes a failed check that says what went wrong.
 */
final class PreflightRunner {

    private final EngineContext context;

    /**
     * Creates the runner.
     *
     * @param context the engine's shared parts
     */
    PreflightRunner(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Checks an experiment.
     *
     * @param experiment the experiment
     * @param options the run's options (whether to preview the targets)
     * @return what the checks found
     */
    CompletableFuture<Preflight> check(Experiment experiment, RunOptions options) {
        ValidationResult result = context.validator.validate(experiment);
        Preflight.Builder out = Preflight.builder().violations(result.violations());
        if (result.hasErrors()) {
            out.addCheck(PreflightCheck.failed(PreflightCheck.VALIDATION, result.errors().size()
                    + " error(s): " + result.errors().get(0).message()));
        } else {
            out.addCheck(PreflightCheck.passed(PreflightCheck.VALIDATION,
                    "no errors, " + result.warnings().size() + " warning(s)"));
        }
        return CompletableFuture.completedFuture(out.build());
    }
}
