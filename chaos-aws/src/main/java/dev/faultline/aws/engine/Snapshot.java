package dev.faultline.aws.engine;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.RunState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentAction;
import software.amazon.awssdk.services.fis.model.ExperimentError;
import software.amazon.awssdk.services.fis.model.ExperimentState;

/**
 * What one {@code GetExperiment} answer says about a run: its state, reason and error, its
 * times, and each action's state and times.
 *
 * @param state the experiment's state
 * @param reason the service's reason, empty when none
 * @param errorCode the error code of a failed experiment, or null
 * @param errorLocation where the error was, or null
 * @param templateId the template id, or null
 * @param creationTime when the experiment was created (started by the caller), or null
 * @param startTime when the experiment started, or null
 * @param endTime when it ended, or null
 * @param actions each action's outcome so far, by name in the service's order
 */
record Snapshot(RunState state, String reason, String errorCode, String errorLocation, String templateId,
        Instant creationTime, Instant startTime, Instant endTime, Map<String, ActionOutcome> actions) {

    /**
     * Checks the components and copies the map.
     *
     * @param state the state
     * @param reason the reason
     * @param errorCode the error code
     * @param errorLocation the error location
     * @param templateId the template id
     * @param creationTime the creation time
     * @param startTime the start time
     * @param endTime the end time
     * @param actions the actions
     */
    Snapshot {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        actions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(actions));
    }

    /**
     * Reads an experiment.
     *
     * @param experiment the service's answer
     * @return the snapshot
     * @throws EngineException when the answer has no state or an unknown status
     */
    static Snapshot of(Experiment experiment) {
        ExperimentState s = experiment.state();
        if (s == null || s.statusAsString() == null) {
            throw new EngineException("GetExperiment answered without a state for experiment " + experiment.id());
        }
        RunState state;
        try {
            state = RunState.fromWireName(s.statusAsString());
        } catch (IllegalArgumentException e) {
            throw new EngineException("GetExperiment answered an unknown status for experiment " + experiment.id(), e);
        }
        ExperimentError error = s.error();
        Map<String, ActionOutcome> actions = new LinkedHashMap<>();
        for (Map.Entry<String, ExperimentAction> e : experiment.actions().entrySet()) {
            actions.put(e.getKey(), action(e.getKey(), e.getValue()));
        }
        return new Snapshot(state, Optional.ofNullable(s.reason()).orElse(""),
                error == null ? null : error.code(), error == null ? null : error.location(),
                experiment.experimentTemplateId(), experiment.creationTime(), experiment.startTime(), experiment.endTime(), actions);
    }

    private static ActionOutcome action(String name, ExperimentAction a) {
        ActionState state = ActionState.PENDING;
        String reason = null;
        if (a.state() != null && a.state().statusAsString() != null) {
            try {
                state = ActionState.fromWireName(a.state().statusAsString());
            } catch (IllegalArgumentException e) {
                throw new EngineException("GetExperiment answered an unknown status for action " + name, e);
            }
            reason = a.state().reason();
        }
        return ActionOutcome.builder().name(name).actionId(Optional.ofNullable(a.actionId()))
                .state(state).reason(Optional.ofNullable(reason).filter(r -> !r.isEmpty()))
                .startTime(Optional.ofNullable(a.startTime())).endTime(Optional.ofNullable(a.endTime()))
                .build();
    }

    /**
     * When an experiment was started: its creation time in the service, else its start time.
     *
     * @param s the last answer, or null
     * @param otherwise the time to use when the answer tells neither
     * @return the time
     */
    static Instant started(Snapshot s, Instant otherwise) {
        if (s != null && s.creationTime() != null) {
            return s.creationTime();
        }
        if (s != null && s.startTime() != null) {
            return s.startTime();
        }
        return otherwise;
    }
}
