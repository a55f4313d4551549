package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import dev.faultline.core.journal.JournalException;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds an engine's runs to its journal: a header when a run is started or attached (or, for a
 * resumed run, nothing new), then every event as it is published, numbered. A failing journal
 * write is logged and never breaks the run.
 */
final class JournalRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRecorder.class);

    private final RunJournal journal;
    private final String actor;
    private final EngineContext context;

    /**
     * Creates the recorder.
     *
     * @param journal the journal, or null for an engine without one
     * @param actor who starts the runs
     * @param context the engine's shared parts
     */
    JournalRecorder(RunJournal journal, String actor, EngineContext context) {
        this.journal = journal;
        this.actor = Objects.requireNonNull(actor, "actor");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The journal, or null when the engine has none. */
    RunJournal journal() {
        return journal;
    }

    /**
     * Begins a new journaled run for a run just started or attached.
     *
     * @param spec the run
     * @param preflight the checks that let it start (empty for an attached run)
     * @return the listener that journals its events, or null without a journal
     */
    Journaling begin(RunSpec spec, Preflight preflight) {
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
        try {
            journal.begin(header);
        } catch (JournalException | IllegalArgumentException ex) {
            LOG.warn("Journal write failed; this run is not journaled experimentId={} error={}", spec.experimentId(),
                    ex.getMessage());
            return null;
        }
        return listener(header.runId(), spec.experimentId(), 0);
    }

    /**
     * Continues a journaled run after a restart: its events are numbered after those it has.
     *
     * @param run the journaled run
     * @return the listener that journals its new events
     */
    Journaling resume(JournaledRun run) {
        return listener(run.runId(), run.header().experimentId(), run.events().size());
    }

    /**
     * The journal's id of a run this engine journals: kept by the run's own journal listener, so
     * the recorder holds nothing per run and nothing outlives the run's handle.
     *
     * @param run the run
     * @return the run id, empty when the run is not journaled
     */
    static Optional<String> runId(ExperimentRun run) {
        return run instanceof FisRun ? ((FisRun) run).journalRunId() : Optional.empty();
    }

    private Journaling listener(String runId, String experimentId, int first) {
        return new Journaling(runId, experimentId, first);
    }

    /** The listener that journals one run's events, numbered; it knows the run's id in the journal. */
    final class Journaling implements RunListener {
        private final String runId;
        private final String experimentId;
        private int next;

        private Journaling(String runId, String experimentId, int first) {
            this.runId = runId;
            this.experimentId = experimentId;
            this.next = first;
        }

        /** The run's id in the journal. */
        String runId() {
            return runId;
        }

        @Override
        public synchronized void onEvent(RunEvent event) {
            try {
                journal.append(runId, next, event);
                next++;
            } catch (JournalException | IllegalArgumentException ex) {
                LOG.warn("Journal write failed runId={} experimentId={} event={} error={}", runId, experimentId,
                        event.getClass().getSimpleName(), ex.getMessage());
            }
        }
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
