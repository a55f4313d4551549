package dev.faultline.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When a conditional parameter is required. Either machine-checkable ("required when
 * {@code scope} is {@code prefix-list}") or, when FIS states the condition only in prose,
 * a description alone ("the SSM document has required parameters without defaults").
 *
 * <pre>{@code
 * ParameterCondition when = disrupt.parameter("prefixListIdentifier").orElseThrow()
 *         .requiredWhen().orElseThrow();
 * when.appliesTo(Map.of("scope", "prefix-list"));   // true
 * }</pre>
 */
public final class ParameterCondition {

    private final String parameter;
    private final List<String> values;
    private final String description;

    ParameterCondition(String parameter, List<String> values, String description) {
        this.parameter = parameter;
        this.values = List.copyOf(values);
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Returns the parameter whose value decides the condition.
     *
     * @return the other parameter's name, or empty when the condition is prose only
     */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /**
     * Returns the values of {@link #parameter()} that make the condition true.
     *
     * @return the triggering values; empty when the condition is prose only
     */
    public List<String> values() {
        return values;
    }

    /**
     * Returns the condition in words, for messages.
     *
     * @return for example {@code scope is prefix-list}
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether a validator can decide this condition from the action's parameters.
     *
     * @return true when the condition names a parameter and its values
     */
    public boolean isMachineCheckable() {
        return parameter != null && !values.isEmpty();
    }

    /**
     * Decides the condition for the given action parameters.
     *
     * @param actionParameters the parameters given to the action, by name
     * @return true when the condition is machine-checkable and the named parameter has one
     *     of the triggering values; false otherwise, including for prose-only conditions
     */
    public boolean appliesTo(Map<String, String> actionParameters) {
        Objects.requireNonNull(actionParameters, "actionParameters");
        if (!isMachineCheckable()) {
            return false;
        }
        String value = actionParameters.get(parameter);
        return value != null && values.contains(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterCondition that
                && Objects.equals(parameter, that.parameter)
                && values.equals(that.values)
                && description.equals(that.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameter, values, description);
    }

    @Override
    public String toString() {
        return "requiredWhen(" + description + ")";
    }
}
