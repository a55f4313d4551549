package dev.faultline.temporal;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.JournalException;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RunRecorder} that writes a run journal: one journaled run per workflow run, once,
 * whatever the activities repeat. Its run id is derived from the workflow id and the experiment
 * id, so a retried start begins nothing new; a watch attempt that re-attaches (after a retry, or on
 * another worker after its worker died) continues the run's events after those the journal has and
 * leaves out what it only sees again: the re-attachment's start, states and action states already
 * journaled, readings already journaled, a second end. An attempt's own failure is not the run's:
 * it is left out, and the run ends with the workflow's result.
 */
final class JournalRunRecorder implements RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JournalRunRecorder.class);

    private final RunJournal journal;
    private final String actor;
    private final Clock clock;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    JournalRunRecorder(RunJournal journal, String actor, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The journal's run id of a workflow's experiment.
     *
     * @param workflowId the workflow
     * @param experimentId the experiment
     * @return a name-based UUID, the same on every worker
     */
    static String runId(String workflowId, String experimentId) {
        return UUID.nameUUIDFromBytes(("faultline-temporal/" + workflowId + "/" + experimentId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void started(String workflowId, RunRequest request, String experimentId) {
        Experiment e = request.experiment();
        String json = TemplateJson.write(e);
        Map<String, String> tags = new TreeMap<>(e.tags());
        tags.putAll(request.tags());
        tags.put("faultline:workflow", workflowId);
        RunHeader header = new RunHeader(runId(workflowId, experimentId), clock.instant(), experimentId, "",
                e.name().orElse(request.name()), account(request, e), request.target().region(), actor, tags, json,
                RunHeader.sha256(json), false, Preflight.builder().build());
        journal.begin(header);
    }

    @Override
    public void event(String workflowId, RunEvent event) {
        if (event instanceof RunEvent.RunFailed) {
            return;
        }
        Run run = runs.computeIfAbsent(runId(workflowId, event.experimentId()), this::load);
        synchronized (run) {
            if (run.seen.add(key(event))) {
                journal.append(run.id, run.next, event);
                run.next++;
            }
        }
    }

    @Override
    public void finished(String workflowId, RunRequest request, RunResult result) {
        if (result.experimentId().isEmpty()) {
            return;
        }
        String id = runId(workflowId, result.experimentId());
        if (!result.report().isEmpty()) {
            journal.reports(id, List.of(result.report()));
        }
        runs.remove(id);
    }

    /** What the journal already has of a run (nothing when this worker starts it). */
    private Run load(String id) {
        Run run = new Run(id);
        try {
            journal.find(id).map(JournaledRun::events).ifPresent(events -> {
                run.next = events.size();
                events.forEach(e -> run.seen.add(key(e)));
            });
        } catch (JournalException e) {
            LOG.warn("the journal could not be read; the run's events are numbered from 0 runId={}", id, e);
        }
        return run;
    }

    /** What an event says, without when it was seen: a re-attached watch sees the same things again. */
    static String key(RunEvent event) {
        if (event instanceof RunEvent.RunStarted || event instanceof RunEvent.RunQueued
                || event instanceof RunEvent.RunCompleted) {
            return event.getClass().getSimpleName();
        }
        if (event instanceof RunEvent.StateChanged) {
            return "state " + ((RunEvent.StateChanged) event).to();
        }
        if (event instanceof RunEvent.ActionStateChanged) {
            RunEvent.ActionStateChanged a = (RunEvent.ActionStateChanged) event;
            return "action " + a.actionName() + " " + a.to();
        }
        if (event instanceof RunEvent.StopRequested) {
            RunEvent.StopRequested s = (RunEvent.StopRequested) event;
            return "stop " + s.source() + " " + s.reason();
        }
        if (event instanceof RunEvent.HypothesisChecked) {
            RunEvent.HypothesisChecked h = (RunEvent.HypothesisChecked) event;
            return "reading " + h.phase() + " " + h.time();
        }
        return event.toString();
    }

    private static String account(RunRequest request, Experiment e) {
        if (!request.target().account().isEmpty()) {
            return request.target().account();
        }
        String[] parts = e.roleArn().orElse("").split(":", 6);
        return parts.length >= 5 && parts[4].matches("\\d{12}") ? parts[4] : "";
    }

    /** A run this worker journals: the next sequence number and what was journaled. */
    private static final class Run {
        final String id;
        final Set<String> seen = new HashSet<>();
        int next;

        Run(String id) {
            this.id = id;
        }
    }
}
