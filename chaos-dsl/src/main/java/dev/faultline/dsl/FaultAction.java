package dev.faultline.dsl;

import dev.faultline.dsl.internal.ActionData;
import dev.faultline.dsl.internal.Checks;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An action step: one FIS action with its targets and parameters, not yet named in an
 * experiment. Immutable: each method returns a new step. Made by the per-service classes
 * ({@code Ec2.stopInstances(workers)}) or by {@link Chaos#action(String)}; named with
 * {@code experiment(..).action(name, step)}.
 *
 * <pre>{@code
 * var stop = Ec2.stopInstances(workers)
 *     .restartAfter(Duration.ofMinutes(5))
 *     .description("Stop a fifth of the workers")
 *     .after("baseline");
 * }</pre>
 *
 * @param <S> the concrete step type, which each action fixes (users never write it)
 */
public abstract class FaultAction<S extends FaultAction<S>> {

    private final ActionData data;

    FaultAction(ActionData data) {
        this.data = Objects.requireNonNull(data, "data");
    }

    abstract S with(ActionData changed);

    final ActionData data() {
        return data;
    }

    /**
     * Describes the action.
     *
     * @param text the description
     * @return a new step with the description
     */
    public S description(String text) {
        return with(data.withDescription(text));
    }

    /**
     * Starts this action only after the named actions of the experiment have finished
     * ({@code startAfter}); names that the experiment does not have are reported by the
     * validator.
     *
     * @param actionNames the names of other actions of the experiment
     * @return a new step
     */
    public S after(String... actionNames) {
        for (String name : actionNames) {
            Checks.text("action name", name);
        }
        return with(data.withStartAfter(List.of(actionNames)));
    }

    /**
     * The FIS action id.
     *
     * @return for example {@code aws:ec2:stop-instances}
     */
    public String actionId() {
        return data.actionId();
    }

    /**
     * The parameters as FIS reads them (strings), in the order they were set.
     *
     * @return the parameters
     */
    public Map<String, String> parameters() {
        return data.parameters();
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((FaultAction<?>) o).data.equals(data);
    }

    @Override
    public int hashCode() {
        return data.hashCode();
    }

    @Override
    public String toString() {
        return data.toString();
    }
}
