package dev.faultline.core.report;

import dev.faultline.core.engine.ActionState;
import java.time.Duration;
import java.time.Instant;

/**
 * One action as the report shows it: what the run said of it and where the plan put it. Any
 * part may be unknown (null): an action the plan could not place has no planned offsets, one
 * that never started has no actual times, one the outcome does not mention has no state.
 *
 * @param name the action's name in the template
 * @param actionId the FIS action id, or null
 * @param state the final state, or null when the outcome does not mention the action
 * @param reason the service's reason for the state, or null
 * @param plannedStart the planned start, as an offset from the experiment's start, or null
 * @param plannedEnd the planned end, as an offset from the experiment's start, or null
 * @param actualStart when the action started, or null
 * @param actualEnd when the action ended, or null
 */
record ActionRow(String name, String actionId, ActionState state, String reason, Duration plannedStart,
        Duration plannedEnd, Instant actualStart, Instant actualEnd) {

    /**
     * The planned start as a time.
     *
     * @param experimentStart when the experiment started, or null
     * @return the time, or null when either part is unknown
     */
    Instant plannedStartAt(Instant experimentStart) {
        return experimentStart == null || plannedStart == null ? null : Text.plus(experimentStart, plannedStart);
    }

    /**
     * The planned end as a time.
     *
     * @param experimentStart when the experiment started, or null
     * @return the time, or null when either part is unknown
     */
    Instant plannedEndAt(Instant experimentStart) {
        return experimentStart == null || plannedEnd == null ? null : Text.plus(experimentStart, plannedEnd);
    }

    /**
     * The state's FIS name.
     *
     * @return for example {@code completed}, or {@code unknown} when the outcome did not say
     */
    String stateName() {
        return state == null ? "unknown" : state.wireName();
    }
}
