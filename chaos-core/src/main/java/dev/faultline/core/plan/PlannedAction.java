package dev.faultline.core.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** One action placed on the experiment's timeline: when it starts and ends, from the experiment's start. */
@Value.Immutable
public abstract class PlannedAction {

    /**
     * The action's name in the template.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The FIS action id, empty when the template lacks it.
     *
     * @return the action id
     */
    public abstract String actionId();

    /**
     * When the action starts, from the start of the experiment.
     *
     * @return the start offset
     */
    public abstract Duration start();

    /**
     * How long the action runs (zero for an instant action, such as terminate-instances).
     *
     * @return the duration
     */
    public abstract Duration duration();

    /**
     * When the action ends, from the start of the experiment.
     *
     * @return the end offset
     */
    @Value.Derived
    public Duration end() {
        return start().plus(duration());
    }

    /**
     * The parameter that gave the duration ({@code duration}, {@code maxDuration},
     * {@code startInstancesAfterDuration}), if the action has one.
     *
     * @return the duration parameter's name
     */
    public abstract Optional<String> durationParameter();

    /**
     * Tells whether the duration is known: false when the action's required duration parameter
     * is missing or unreadable, or the action is not in the catalog (the duration is then zero).
     * An action without a duration parameter, or whose optional one is not set (stop-instances
     * without {@code startInstancesAfterDuration}), is instant and its duration known.
     *
     * @return true if the duration was read from the template or the action is instant
     */
    public abstract boolean durationKnown();

    /**
     * Why the duration is not known, when it is not.
     *
     * @return for example {@code "missing duration"} or {@code "unknown action aws:ec2:foo"}
     */
    public abstract Optional<String> durationProblem();

    /**
     * Tells whether the action is instant: its duration is known and zero (terminate, reboot,
     * failover, stop-instances without a restart).
     *
     * @return true for an instant action
     */
    public boolean instant() {
        return durationKnown() && duration().isZero();
    }

    /**
     * Tells whether the duration is an upper bound: actions timed by {@code maxDuration}
     * (SSM automation, Kubernetes custom resources) end when their work ends, at the latest then.
     *
     * @return true when the duration comes from {@code maxDuration}
     */
    public boolean durationIsMaximum() {
        return durationKnown() && durationParameter().filter("maxDuration"::equals).isPresent();
    }

    /**
     * The actions this one starts after.
     *
     * @return their names
     */
    public abstract List<String> startAfter();

    /**
     * The action's targets by target key.
     *
     * @return target names by key
     */
    public abstract Map<String, String> targets();

    /** Builds {@link PlannedAction} values. */
    public static final class Builder extends ImmutablePlannedAction.Builder {
        /** Creates an empty builder. */
        public Builder() {}
    }
}
