package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.model.Experiment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Attaches again to the unfinished runs of a journal, each on its own; one that fails is logged and left out. */
final class JournalResume {

    private static final Logger LOG = LoggerFactory.getLogger(JournalResume.class);

    private JournalResume() {}

    /**
     * Resumes every run not already watched.
     *
     * @param runs the journal's unfinished runs
     * @param watched the experiment ids the engine watches already
     * @param attach attaches to one run, given the experiment as journaled (or null when unreadable)
     * @return the runs resumed
     */
    static CompletableFuture<List<ExperimentRun>> all(List<JournaledRun> runs, Collection<String> watched,
            BiFunction<JournaledRun, Experiment, CompletableFuture<FisRun>> attach) {
        List<CompletableFuture<ExperimentRun>> resumed = new ArrayList<>();
        for (JournaledRun run : runs) {
            String experimentId = run.header().experimentId();
            if (watched.contains(experimentId)) {
                LOG.debug("already watched, not resumed runId={} experimentId={}", run.runId(), experimentId);
                continue;
            }
            Experiment experiment = null;
            try {
                experiment = run.experiment();
            } catch (RuntimeException e) {
                LOG.warn("The journaled experiment cannot be read; resuming without it runId={} error={}",
                        run.runId(), e.getMessage());
            }
            LOG.debug("resuming runId={} experimentId={}", run.runId(), experimentId);
            resumed.add(attach.apply(run, experiment).<ExperimentRun>thenApply(r -> r).exceptionally(error -> {
                LOG.warn("Could not resume a journaled run runId={} experimentId={} error={}", run.runId(),
                        experimentId, AwsCalls.unwrap(error).getMessage());
                return null;
            }));
        }
        return CompletableFuture.allOf(resumed.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<ExperimentRun> out = new ArrayList<>();
            for (CompletableFuture<ExperimentRun> f : resumed) {
                ExperimentRun r = f.getNow(null);
                if (r != null) {
                    out.add(r);
                }
            }
            return out;
        });
    }
}
