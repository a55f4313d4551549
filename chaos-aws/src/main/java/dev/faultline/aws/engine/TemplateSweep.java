package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

/**
 * Finds and deletes the experiment templates Faultline left behind: tagged
 * {@code faultline:owner} with this engine's owner (run and preview templates alike), created
 * longer ago than a given age, not used by an experiment that is still going (pending,
 * initiating, running or stopping), and not a template of a run this engine is starting or
 * watching. Every call goes through the engine's rate limiter and retry.
 */
final class TemplateSweep {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateSweep.class);

    private final EngineContext context;
    private final RunCleanup cleanup;

    /**
     * Creates the sweep.
     *
     * @param context the engine's shared parts
     */
    TemplateSweep(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.cleanup = new RunCleanup(context);
    }

    /**
     * Sweeps.
     *
     * @param olderThan the least age of a template to delete
     * @param dryRun true to only report
     * @param inUse the template ids of this engine's runs and the run tags of its starts in progress
     * @return the report
     */
    CompletableFuture<CleanupReport> sweep(Duration olderThan, boolean dryRun, Set<String> inUse) {
        Instant cutoff = context.clock.instant().minus(olderThan);
        return templates(null, new ArrayList<>()).thenCombine(activeExperiments(null, new HashMap<>()),
                (templates, active) -> decide(templates, active, cutoff, olderThan, inUse))
                .thenCompose(plan -> dryRun ? CompletableFuture.completedFuture(
                        new CleanupReport(true, plan.delete, plan.kept, List.of())) : delete(plan));
    }

    private record Plan(List<CleanupReport.Template> delete, List<CleanupReport.Template> kept) {}

    private Plan decide(List<ExperimentTemplateSummary> templates, Map<String, String> active, Instant cutoff,
            Duration olderThan, Set<String> inUse) {
        List<CleanupReport.Template> delete = new ArrayList<>();
        List<CleanupReport.Template> kept = new ArrayList<>();
        for (ExperimentTemplateSummary t : templates) {
            if (!context.config.owner().equals(t.tags().get(Launcher.OWNER_TAG))) {
                continue;
            }
            Instant created = t.creationTime() == null ? Instant.EPOCH : t.creationTime();
            String purpose = t.tags().getOrDefault("faultline:purpose", "run");
            if (active.containsKey(t.id())) {
                kept.add(new CleanupReport.Template(t.id(), created, "used by the active experiment "
                        + active.get(t.id())));
            } else if (inUse.contains(t.id()) || inUse.contains(t.tags().get(Launcher.RUN_TAG))) {
                kept.add(new CleanupReport.Template(t.id(), created, "a run of this engine is using it"));
            } else if (created.isAfter(cutoff)) {
                kept.add(new CleanupReport.Template(t.id(), created, "younger than " + olderThan));
            } else {
                delete.add(new CleanupReport.Template(t.id(), created, purpose));
            }
        }
        return new Plan(delete, kept);
    }

    private CompletableFuture<CleanupReport> delete(Plan plan) {
        List<CleanupReport.Template> deleted = new ArrayList<>();
        List<CleanupReport.Template> failed = new ArrayList<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (CleanupReport.Template t : plan.delete) {
            all.add(cleanup.delete(t.templateId()).handle((ignored, error) -> {
                synchronized (deleted) {
                    if (error == null) {
                        LOG.debug("stale template deleted templateId={}", t.templateId());
                        deleted.add(t);
                    } else {
                        failed.add(new CleanupReport.Template(t.templateId(), t.creationTime(),
                                PreflightRunner.describe(error)));
                    }
                }
                return null;
            }));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            synchronized (deleted) {
                return new CleanupReport(false, deleted, plan.kept, failed);
            }
        });
    }

    private CompletableFuture<List<ExperimentTemplateSummary>> templates(String nextToken,
            List<ExperimentTemplateSummary> into) {
        return context.calls.call("ListExperimentTemplates",
                () -> context.fis.listExperimentTemplates(b -> b.maxResults(100).nextToken(nextToken)))
                .thenCompose(page -> {
                    into.addAll(page.experimentTemplates());
                    return page.nextToken() == null || page.nextToken().isEmpty()
                            ? CompletableFuture.completedFuture(into) : templates(page.nextToken(), into);
                });
    }

    /** Template id to experiment id, for every experiment that is still going. */
    private CompletableFuture<Map<String, String>> activeExperiments(String nextToken, Map<String, String> into) {
        return context.calls.call("ListExperiments",
                () -> context.fis.listExperiments(b -> b.maxResults(100).nextToken(nextToken)))
                .thenCompose(page -> {
                    for (ExperimentSummary e : page.experiments()) {
                        String status = e.state() == null ? null : e.state().statusAsString();
                        boolean over = status != null && isTerminal(status);
                        if (!over && e.experimentTemplateId() != null) {
                            into.put(e.experimentTemplateId(), e.id());
                        }
                    }
                    return page.nextToken() == null || page.nextToken().isEmpty()
                            ? CompletableFuture.completedFuture(into) : activeExperiments(page.nextToken(), into);
                });
    }

    private static boolean isTerminal(String status) {
        try {
            return RunState.fromWireName(status).isTerminal();
        } catch (IllegalArgumentException e) {
            return false; // a status newer than this code: treat the experiment as going
        }
    }
}
