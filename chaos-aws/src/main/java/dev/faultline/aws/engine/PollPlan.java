package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunState;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.plan.PlannedAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * When to poll a run next: the fast interval while the run is pending, initiating or stopping
 * and within the fast-poll window of a transition the plan predicts (an action's start or end,
 * counted from the experiment's start); the normal interval otherwise.
 */
final class PollPlan {

    private final EngineConfig config;
    private final List<Duration> transitions;

    /**
     * Creates the plan of one run.
     *
     * @param config the poll settings
     * @param plan the experiment's plan, or null when it is unknown (then only the states matter)
     */
    PollPlan(EngineConfig config, ExperimentPlan plan) {
        this.config = Objects.requireNonNull(config, "config");
        List<Duration> offsets = new ArrayList<>();
        if (plan != null) {
            for (PlannedAction a : plan.actions()) {
                offsets.add(a.start());
                offsets.add(a.end());
            }
        }
        Collections.sort(offsets);
        this.transitions = List.copyOf(offsets);
    }

    /**
     * The offsets from the experiment's start at which the plan predicts a transition.
     *
     * @return the offsets, sorted
     */
    List<Duration> transitions() {
        return transitions;
    }

    /**
     * How long to wait before the next poll.
     *
     * @param state the run's state
     * @param experimentStart when the experiment started in the service, or null if not known yet
     * @param now the engine clock's time
     * @return the fast or the normal interval
     */
    Duration next(RunState state, Instant experimentStart, Instant now) {
        if (state == RunState.PENDING || state == RunState.INITIATING || state == RunState.STOPPING
                || experimentStart == null) {
            return config.fastPollInterval();
        }
        Duration elapsed = Duration.between(experimentStart, now);
        Duration window = config.fastPollWindow();
        for (Duration t : transitions) {
            if (elapsed.minus(t).abs().compareTo(window) <= 0) {
                return config.fastPollInterval();
            }
        }
        return config.pollInterval();
    }
}
