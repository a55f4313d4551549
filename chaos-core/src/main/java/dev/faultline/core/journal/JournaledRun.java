package dev.faultline.core.journal;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the journal has it: its header, its events in order and the report files written
 * for it. The state, verdict and outcome are derived from the events.
 *
 * @param header what was known when the run began
 * @param events the run's events, oldest first
 * @param reports the report files' paths, empty when none were recorded
 */
public record JournaledRun(RunHeader header, List<RunEvent> events, List<String> reports) {

    /**
     * Checks the components and copies the lists.
     *
     * @param header the header
     * @param events the events
     * @param reports the report files
     */
    public JournaledRun {
        Objects.requireNonNull(header, "header");
        events = List.copyOf(events);
        reports = List.copyOf(reports);
    }

    /**
     * The journal's id of the run.
     *
     * @return the run id
     */
    public String runId() {
        return header.runId();
    }

    /**
     * The experiment as it was run, read back from its journaled template JSON.
     *
     * @return the experiment
     * @throws dev.faultline.core.FaultlineException when the journaled JSON cannot be read
     */
    public Experiment experiment() {
        return TemplateJson.parse(header.templateJson());
    }

    /**
     * The outcome, once the run's {@link RunEvent.RunCompleted} is journaled; its events are the
     * journaled events before it.
     *
     * @return the outcome, empty while the run is unfinished
     */
    public Optional<RunOutcome> outcome() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof RunEvent.RunCompleted c) {
                return Optional.of(RunOutcome.builder().from(c.outcome()).events(events.subList(0, i)).build());
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether the run's outcome is journaled.
     *
     * @return true once the run completed
     */
    public boolean finished() {
        return events.stream().anyMatch(e -> e instanceof RunEvent.RunCompleted);
    }

    /**
     * The last state seen: the outcome's, else the last state change's, else pending.
     *
     * @return the state
     */
    public RunState state() {
        RunState state = RunState.PENDING;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.StateChanged s) {
                state = s.to();
            } else if (e instanceof RunEvent.RunCompleted c) {
                state = c.outcome().state();
            }
        }
        return state;
    }

    /**
     * The hypothesis verdict's name.
     *
     * @return {@code HELD}, {@code REFUTED} or {@code INCONCLUSIVE}; empty when there is none
     */
    public String verdict() {
        return outcome().flatMap(RunOutcome::verdict).map(v -> v.verdict().name()).orElse("");
    }

    /**
     * When the run ended: the experiment's end time, else when its outcome was journaled.
     *
     * @return the end, empty while unfinished
     */
    public Optional<Instant> endedAt() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i) instanceof RunEvent.RunCompleted c) {
                return Optional.of(c.outcome().endTime().orElse(c.time()));
            }
        }
        return Optional.empty();
    }

    /**
     * The run as one line of a listing.
     *
     * @return the summary
     */
    public RunSummary summary() {
        return new RunSummary(header.runId(), header.experimentName(), header.experimentId(), header.account(),
                header.region(), state(), verdict(), header.startedAt(), endedAt().orElse(null), header.actor(),
                finished());
    }
}
