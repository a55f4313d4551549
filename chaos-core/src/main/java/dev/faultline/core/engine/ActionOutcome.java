package dev.faultline.core.engine;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** How one action of a run ended: its final state, the reason and its times. */
@Value.Immutable
public abstract class ActionOutcome {

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The action's name in the template.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The action id.
     *
     * @return for example {@code aws:ec2:stop-instances}, when known
     */
    public abstract Optional<String> actionId();

    /**
     * The last state seen.
     *
     * @return the state
     */
    public abstract ActionState state();

    /**
     * The service's reason for the state.
     *
     * @return the reason, if any
     */
    public abstract Optional<String> reason();

    /**
     * When the action started.
     *
     * @return the start, if it started
     */
    public abstract Optional<Instant> startTime();

    /**
     * When the action ended.
     *
     * @return the end, if it ended
     */
    public abstract Optional<Instant> endTime();

    /** Builds {@link ActionOutcome} values. */
    public static final class Builder extends ImmutableActionOutcome.Builder {
        /** Creates an empty builder; prefer {@link ActionOutcome#builder()}. */
        public Builder() {}
    }
}
