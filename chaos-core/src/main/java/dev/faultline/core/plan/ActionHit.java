package dev.faultline.core.plan;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One action that acts on a target: which action, under which target key, and whether FIS
 * undoes its harm.
 *
 * <pre>{@code
 * ActionHit hit = radius.target("web").orElseThrow().actions().get(0);
 * hit.reversible();            // false
 * hit.irreversibleReason();    // Optional[FIS does not undo aws:ec2:terminate-instances]
 * }</pre>
 */
@Value.Immutable
public abstract class ActionHit {

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
     * The FIS action id, empty when the template lacks it.
     *
     * @return the action id
     */
    public abstract String actionId();

    /**
     * The target key under which the action names the target, for example {@code Instances}.
     *
     * @return the target key
     */
    public abstract String targetKey();

    /**
     * Tells whether FIS undoes the action's harm when its duration ends or the experiment stops.
     *
     * @return true when reversible
     */
    public abstract boolean reversible();

    /**
     * Why the harm is not undone, when it is not.
     *
     * @return the reason, empty for a reversible action
     */
    public abstract Optional<String> irreversibleReason();

    /**
     * Says the hit in one phrase.
     *
     * @return for example {@code terminate (aws:ec2:terminate-instances, Instances)}
     */
    public String describe() {
        return name() + " (" + (actionId().isEmpty() ? "no action id" : actionId()) + ", " + targetKey() + ")";
    }

    /** Builds {@link ActionHit} values. */
    public static final class Builder extends ImmutableActionHit.Builder {
        /** Creates an empty builder; prefer {@link ActionHit#builder()}. */
        public Builder() {}
    }
}
