package dev.faultline.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One FIS action of an experiment: which action ({@code aws:ec2:stop-instances}), its
 * parameters (strings on the wire), its targets by target key, and the actions it starts after.
 */
@Value.Immutable
public abstract class Action {

    /**

     * Creates a builder for an action.

     *

     * @return a new, empty builder

     */
    public static Builder builder() {
        return new Builder();
    }

    /**

     * The FIS action id, for example {@code aws:ec2:stop-instances}.

     *

     * @return the action id

     */
    public abstract Optional<String> actionId();

    /**

     * The action's description.

     *

     * @return the description

     */
    public abstract Optional<String> description();

    /**

     * The action parameters; every value is a string, as on the wire.

     *

     * @return the parameters

     */
    public abstract Map<String, String> parameters();

    /**

     * Target names by target key, for example {@code Instances -> workers}.

     *

     * @return the targets

     */
    public abstract Map<String, String> targets();

    /**

     * Names of the actions that must finish before this one starts.

     *

     * @return the action names

     */
    public abstract List<String> startAfter();

    /** Builds {@link Action} values. */
    public static final class Builder extends ImmutableAction.Builder {
        /** Creates an empty builder; prefer {@link Action#builder()}. */
        public Builder() {}
    }
}
