package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunState;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;

/**
 * Deletes the experiment templates the engine created: after a run, as the
 * {@link TemplateCleanup} policy says, and after a start that failed. A template already gone
 * counts as deleted; a failure is logged at WARN and never fails a run's outcome.
 */
final class RunCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(RunCleanup.class);

    private final EngineContext context;

    /**
     * Creates the clean-up.
     *
     * @param context the engine's shared parts
     */
    RunCleanup(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Deletes a run's template if the policy says so.
     *
     * @param spec the run
     * @param finalState the run's final state
     * @return a future that completes (never exceptionally) when the clean-up is over
     */
    CompletableFuture<Void> afterRun(RunSpec spec, RunState finalState) {
        if (spec.templateId() == null || !spec.ownsTemplate() || !wanted(finalState)) {
            return CompletableFuture.completedFuture(null);
        }
        return delete(spec.templateId()).handle((ignored, error) -> {
            if (error != null) {
                LOG.warn("Could not delete the template after the run; it stays in the service templateId={} "
                        + "experimentId={}", spec.templateId(), spec.experimentId(), AwsCalls.unwrap(error));
            } else {
                LOG.debug("template deleted templateId={} experimentId={}", spec.templateId(), spec.experimentId());
            }
            return null;
        });
    }

    private boolean wanted(RunState finalState) {
        switch (context.config.templateCleanup()) {
            case ALWAYS:
                return true;
            case ON_SUCCESS:
                return finalState == RunState.COMPLETED;
            default:
                return false;
        }
    }

    /**
     * Deletes a template, retrying as every call does; a template already gone counts as
     * deleted.
     *
     * @param templateId the template
     * @return a future that fails with the service's error when the template could not be deleted
     */
    CompletableFuture<Void> delete(String templateId) {
        return context.calls.call("DeleteExperimentTemplate",
                () -> context.fis.deleteExperimentTemplate(b -> b.id(templateId))).handle((response, error) -> {
                    if (error != null && !(AwsCalls.unwrap(error) instanceof ResourceNotFoundException)) {
                        throw new java.util.concurrent.CompletionException(AwsCalls.unwrap(error));
                    }
                    return null;
                });
    }
}
