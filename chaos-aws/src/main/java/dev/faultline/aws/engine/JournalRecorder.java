package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Feeds an engine's runs to its journal through the engine's one {@link JournalWriter}: a
 * header when a run is started or attached (or, for a resumed run, nothing new), then every
 * event as it is published, numbered. The writes are queued, so a slow journal never holds up
 * the engine's scheduler; a failing journal write is logged and never breaks the run.
 */
final class JournalRecorder {

    private final RunJournal journal;
    private final JournalWriter writer;
    private final String actor;
    private final EngineContext context;

    /**
     * Creates the recorder; with a journal, it starts the engine's journal writer thread.
     *
     * @param journal the journal, or null for an engine without one
     * @param actor who starts the runs
     * @param context the engine's shared parts
     */
    JournalRecorder(RunJournal journal, String actor, EngineContext context) {
        this.journal = journal;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.context = Objects.requireNonNull(context, "context");
        this.writer = journal == null ? null : new JournalWriter(journal, context.config.journalQueueCapacity());
    }

    /** The journal, or null when the engine has none. */
    RunJournal journal() {
        return journal;
    }

    /**
     * Begins a new journaled run for a run just started or attached: queues its header.
     *
     * @param spec the run
     * @param preflight the checks that let it start (empty for an attached run)
     * @return the listener that journals its events, or null without a journal
     */
    RunJournaling begin(RunSpec spec, Preflight preflight) {
        if (journal == null) {
            return null;
        }
        Experiment e = spec.experiment();
        Map<String, String> tags = new TreeMap<>(e.tags());
        tags.putAll(spec.options().tags());
        String json = TemplateJson.write(e);
        RunHeader header = new RunHeader(UUID.randomUUID().toString(), context.clock.instant(), spec.experimentId(),
                spec.templateId() == null ? "" : spec.templateId(), e.name().orElse(""), account(e), region(),
                actor, tags, json, RunHeader.sha256(json), spec.attached(), preflight);
        RunJournaling journaling = new RunJournaling(writer, header.runId(), spec.experimentId(), 0);
        journaling.begin(header);
        return journaling;
    }

    /**
     * Continues a journaled run after a restart: its events are numbered after those it has.
     *
     * @param run the journaled run
     * @return the listener that journals its new events
     */
    RunJournaling resume(JournaledRun run) {
        return new RunJournaling(writer, run.runId(), run.header().experimentId(), run.events().size());
    }

    /**
     * A future that completes once every journal write queued before the call has been made.
     *
     * @return the future (completed at once without a journal)
     */
    CompletableFuture<Void> flush() {
        return writer == null ? CompletableFuture.completedFuture(null) : writer.flush();
    }

    /**
     * Writes everything queued, then ends the writer thread, waiting at most {@code wait}.
     *
     * @param wait the longest wait
     */
    void close(Duration wait) {
        if (writer != null) {
            writer.close(wait);
        }
    }

    /**
     * The journal's id of a run this engine journals: kept by the run's own journal listener, so
     * the recorder holds nothing per run and nothing outlives the run's handle.
     *
     * @param run the run
     * @return the run id, empty when the run is not journaled (or its header could not be written)
     */
    static Optional<String> runId(ExperimentRun run) {
        return journaling(run).map(RunJournaling::runId);
    }

    /**
     * The journal listener of a run this engine journals.
     *
     * @param run the run
     * @return the listener, empty when the run is not journaled (or its header could not be written)
     */
    static Optional<RunJournaling> journaling(ExperimentRun run) {
        return run instanceof FisRun ? ((FisRun) run).journaling().filter(RunJournaling::journaled) : Optional.empty();
    }

    private String region() {
        try {
            return Optional.ofNullable(context.fis.serviceClientConfiguration().region()).map(r -> r.id()).orElse("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The account of the experiment's role ({@code arn:aws:iam::ACCOUNT:role/…}), or empty. */
    private static String account(Experiment e) {
        String arn = e.roleArn().orElse("");
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 && parts[4].matches("\\d{12}") ? parts[4] : "";
    }
}
