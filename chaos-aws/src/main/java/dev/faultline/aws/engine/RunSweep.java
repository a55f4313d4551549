package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;

/**
 * Removes everything one aborted start created, found by its {@code faultline:run} tag (so an
 * answer lost in flight does not matter): every experiment of the run that is not over is
 * stopped, the sweep waits until each is over (FIS keeps a running experiment's template in use),
 * then every template of the run is deleted. Used by the shutdown guard, within its grace period.
 */
final class RunSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RunSweep.class);

    private final EngineContext context;
    private final RunCleanup cleanup;

    /**
     * Creates the sweep.
     *
     * @param context the engine's shared parts
     */
    RunSweep(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.cleanup = new RunCleanup(context);
    }

    /**
     * Stops the run's experiments and deletes its templates.
     *
     * @param launch the aborted start
     * @param deadline when to give up waiting for stopped experiments to end, in {@link System#nanoTime()}
     * @return a future that completes when the run left nothing behind, or fails with what went wrong
     */
    CompletableFuture<Void> sweep(Launch launch, long deadline) {
        return experiments(launch.runId(), null).thenCompose(ids -> {
            if (launch.experimentId() != null) {
                ids.add(launch.experimentId());
            }
            List<CompletableFuture<Void>> ended = new ArrayList<>();
            for (String id : ids) {
                LOG.info("JVM shutdown: stopping experiment of an unfinished start experimentId={} run={}", id,
                        launch.runId());
                ended.add(stopAndAwait(id, deadline));
            }
            return CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new));
        }).thenCompose(ignored -> templates(launch.runId(), null)).thenCompose(ids -> {
            if (launch.templateId() != null) {
                ids.add(launch.templateId());
            }
            List<CompletableFuture<Void>> deletes = new ArrayList<>();
            for (String id : ids) {
                LOG.info("JVM shutdown: deleting template of an unfinished start templateId={} run={}", id,
                        launch.runId());
                deletes.add(cleanup.delete(id));
            }
            return CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new));
        });
    }

    /** The ids of the run's experiments, following the list's pages. */
    private CompletableFuture<Set<String>> experiments(String runId, String nextToken) {
        return context.calls.call("ListExperiments",
                () -> context.fis.listExperiments(b -> b.maxResults(100).nextToken(nextToken))).thenCompose(page -> {
                    Set<String> ids = new LinkedHashSet<>();
                    for (ExperimentSummary e : page.experiments()) {
                        if (runId.equals(e.tags().get(Launcher.RUN_TAG))) {
                            ids.add(e.id());
                        }
                    }
                    if (page.nextToken() == null || page.nextToken().isEmpty()) {
                        return CompletableFuture.completedFuture(ids);
                    }
                    return experiments(runId, page.nextToken()).thenApply(more -> {
                        ids.addAll(more);
                        return ids;
                    });
                });
    }

    /** The ids of the run's templates, following the list's pages. */
    private CompletableFuture<Set<String>> templates(String runId, String nextToken) {
        return context.calls.call("ListExperimentTemplates",
                () -> context.fis.listExperimentTemplates(b -> b.maxResults(100).nextToken(nextToken)))
                .thenCompose(page -> {
                    Set<String> ids = new LinkedHashSet<>();
                    for (ExperimentTemplateSummary t : page.experimentTemplates()) {
                        if (runId.equals(t.tags().get(Launcher.RUN_TAG))) {
                            ids.add(t.id());
                        }
                    }
                    if (page.nextToken() == null || page.nextToken().isEmpty()) {
                        return CompletableFuture.completedFuture(ids);
                    }
                    return templates(runId, page.nextToken()).thenApply(more -> {
                        ids.addAll(more);
                        return ids;
                    });
                });
    }

    /** Stops an experiment unless it is over, then polls until it is over or the deadline passes. */
    private CompletableFuture<Void> stopAndAwait(String experimentId, long deadline) {
        return state(experimentId).thenCompose(state -> {
            if (state == null || state.isTerminal()) {
                return CompletableFuture.completedFuture(null);
            }
            return context.calls.call("StopExperiment", () -> context.fis.stopExperiment(b -> b.id(experimentId)))
                    .handle((r, error) -> {
                        if (error != null) {
                            LOG.warn("JVM shutdown: StopExperiment failed experimentId={}", experimentId,
                                    AwsCalls.unwrap(error));
                        }
                        return awaitEnd(experimentId, deadline);
                    }).thenCompose(Function.identity());
        });
    }

    private CompletableFuture<Void> awaitEnd(String experimentId, long deadline) {
        return state(experimentId).thenCompose(state -> {
            if (state == null || state.isTerminal()) {
                return CompletableFuture.completedFuture(null);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new CompletionException(new IllegalStateException("experiment " + experimentId
                        + " still " + state + " at the end of the shutdown grace period"));
            }
            CompletableFuture<Void> later = new CompletableFuture<>();
            context.scheduler.schedule(() -> later.complete(null), context.config.fastPollInterval().toNanos(),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            return later.thenCompose(ignored -> awaitEnd(experimentId, deadline));
        });
    }

    /** The experiment's state, or null when it does not exist. */
    private CompletableFuture<RunState> state(String experimentId) {
        return context.calls.call("GetExperiment", () -> context.fis.getExperiment(b -> b.id(experimentId)))
                .handle((response, error) -> {
                    if (error != null) {
                        if (AwsCalls.unwrap(error) instanceof ResourceNotFoundException) {
                            return null;
                        }
                        throw new CompletionException(AwsCalls.unwrap(error));
                    }
                    return Snapshot.of(response.experiment()).state();
                });
    }
}
