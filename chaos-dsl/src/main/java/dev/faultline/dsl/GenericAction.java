package dev.faultline.dsl;

import dev.faultline.dsl.internal.ActionData;
import java.time.Duration;

/**
 * An action given by its id, for an action the typed DSL does not cover (a new FIS action):
 * its parameters and targets are not typed, and the validator checks them like those of any
 * template (an id the catalog does not know is a warning). Made by {@link Chaos#action(String)}.
 *
 * <pre>{@code
 * var probe = action("aws:ec2:new-fault")
 *     .target("Instances", ec2Instances().tagged("App", "web").count(1))
 *     .parameter("duration", Duration.ofMinutes(5))
 *     .parameter("intensity", "high");
 * }</pre>
 */
public final class GenericAction extends FaultAction<GenericAction> {

    GenericAction(ActionData data) {
        super(data);
    }

    @Override
    GenericAction with(ActionData changed) {
        return new GenericAction(changed);
    }

    /**
     * Sets a parameter to a string, as FIS reads it.
     *
     * @param name the parameter name
     * @param value the value
     * @return a new step
     */
    public GenericAction parameter(String name, String value) {
        return with(data().withText(name, value));
    }

    /**
     * Sets a duration parameter (checked against the catalog's range when the catalog knows
     * the action and the parameter).
     *
     * @param name the parameter name
     * @param value the duration
     * @return a new step
     * @throws IllegalArgumentException if the duration is outside the range
     */
    public GenericAction parameter(String name, Duration value) {
        return with(data().withDuration(name, value));
    }

    /**
     * Puts a target of any resource type under a target key.
     *
     * @param key the target key, for example {@code Instances}
     * @param target the target
     * @return a new step
     */
    public GenericAction target(String key, Target<?> target) {
        return with(data().withTarget(key, Target.dataOf(target, "target")));
    }
}
