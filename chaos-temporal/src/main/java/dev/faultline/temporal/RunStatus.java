package dev.faultline.temporal;

import java.util.List;
import java.util.Map;

/**
 * What an {@link ExperimentWorkflow} knows now: its phase, the experiment's state, each action's
 * state and the latest hypothesis readings. The status query returns it; the watch activity
 * sends it to the workflow as the run progresses.
 *
 * @param phase the workflow's phase
 * @param experimentId the experiment id, empty before the start
 * @param state the experiment's state (FIS words, lower case), empty before the start
 * @param actions each action's state, by action name
 * @param readings the latest hypothesis readings, at most one per condition and phase
 * @param stopReason the reason of a requested stop, empty if none was requested
 */
public record RunStatus(RunPhase phase, String experimentId, String state, Map<String, String> actions,
        List<Reading> readings, String stopReason) {

    /**
     * Normalises absent parts.
     *
     * @param phase the phase
     * @param experimentId the experiment id
     * @param state the state
     * @param actions the actions
     * @param readings the readings
     * @param stopReason the stop reason
     */
    public RunStatus {
        phase = phase == null ? RunPhase.PREFLIGHT : phase;
        experimentId = experimentId == null ? "" : experimentId;
        state = state == null ? "" : state;
        actions = actions == null ? Map.of() : Map.copyOf(actions);
        readings = readings == null ? List.of() : List.copyOf(readings);
        stopReason = stopReason == null ? "" : stopReason;
    }

    /**
     * The status before anything happened.
     *
     * @return a status in {@link RunPhase#PREFLIGHT}
     */
    public static RunStatus initial() {
        return new RunStatus(RunPhase.PREFLIGHT, "", "", Map.of(), List.of(), "");
    }

    /**
     * This status in another phase.
     *
     * @param value the phase
     * @return a new status
     */
    public RunStatus withPhase(RunPhase value) {
        return new RunStatus(value, experimentId, state, actions, readings, stopReason);
    }

    /**
     * This status with the experiment id.
     *
     * @param value the id
     * @return a new status
     */
    public RunStatus withExperimentId(String value) {
        return new RunStatus(phase, value, state, actions, readings, stopReason);
    }

    /**
     * This status with a stop reason.
     *
     * @param value the reason
     * @return a new status
     */
    public RunStatus withStopReason(String value) {
        return new RunStatus(phase, experimentId, state, actions, readings, value);
    }

    /**
     * This status with what the watch reported (state, actions, readings), keeping the workflow's
     * own phase, experiment id and stop reason.
     *
     * @param watched the watch's report
     * @return a new status
     */
    public RunStatus withProgress(RunStatus watched) {
        return new RunStatus(phase, experimentId.isEmpty() ? watched.experimentId() : experimentId, watched.state(),
                watched.actions(), watched.readings().isEmpty() ? readings : watched.readings(), stopReason);
    }
}
