package dev.faultline.dsl.internal;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.ParameterDefinition;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The data behind a DSL action step: action id, description, parameters (as wire strings),
 * targets by target key and the actions it starts after. Immutable: every {@code with..}
 * returns a copy. Typed setters check the value against the catalog's definition of the
 * parameter when the catalog knows the action.
 */
public final class ActionData {

    private final String actionId;
    private final String description;
    private final Map<String, String> parameters;
    private final Map<String, TargetData> targets;
    private final List<String> startAfter;

    private ActionData(String actionId, String description, Map<String, String> parameters,
            Map<String, TargetData> targets, List<String> startAfter) {
        this.actionId = actionId;
        this.description = description;
        this.parameters = Collections.unmodifiableMap(parameters);
        this.targets = Collections.unmodifiableMap(targets);
        this.startAfter = List.copyOf(startAfter);
    }

    /**
     * Starts an action without parameters or targets.
     *
     * @param actionId the FIS action id
     * @return the data
     */
    public static ActionData of(String actionId) {
        return new ActionData(Checks.text("actionId", actionId), null, new LinkedHashMap<>(), new LinkedHashMap<>(),
                List.of());
    }

    /**
     * The action id.
     *
     * @return for example {@code aws:ec2:stop-instances}
     */
    public String actionId() {
        return actionId;
    }

    /**
     * The description.
     *
     * @return the description, if set
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * The parameters as wire strings, in the order they were set.
     *
     * @return the parameters
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * The targets by target key.
     *
     * @return the targets
     */
    public Map<String, TargetData> targets() {
        return targets;
    }

    /**
     * The names of the actions this one starts after.
     *
     * @return the names
     */
    public List<String> startAfter() {
        return startAfter;
    }

    /**
     * Copies with a description.
     *
     * @param text the description
     * @return the copy
     */
    public ActionData withDescription(String text) {
        return new ActionData(actionId, Objects.requireNonNull(text, "description"), parameters, targets, startAfter);
    }

    /**
     * Copies with more actions to start after.
     *
     * @param names the action names
     * @return the copy
     */
    public ActionData withStartAfter(List<String> names) {
        List<String> all = new ArrayList<>(startAfter);
        for (String name : names) {
            Checks.text("action name", name);
            if (!all.contains(name)) {
                all.add(name);
            }
        }
        return new ActionData(actionId, description, parameters, targets, all);
    }

    /**
     * Copies with a target under a target key.
     *
     * @param key the target key, for example {@code Instances}
     * @param target the target
     * @return the copy
     */
    public ActionData withTarget(String key, TargetData target) {
        Map<String, TargetData> copy = new LinkedHashMap<>(targets);
        copy.put(Checks.text("target key", key), Objects.requireNonNull(target, "target"));
        return new ActionData(actionId, description, parameters, copy, startAfter);
    }

    /**
     * Copies with a parameter set to a wire string, unchecked.
     *
     * @param name the parameter name
     * @param value the value as FIS reads it
     * @return the copy
     */
    public ActionData withText(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(Checks.text("parameter name", name), Objects.requireNonNull(value, name));
        return new ActionData(actionId, description, copy, targets, startAfter);
    }

    /**
     * Copies with a duration parameter, checked against the catalog's range.
     *
     * @param name the parameter name
     * @param value the duration
     * @return the copy
     * @throws IllegalArgumentException if the duration is outside the range
     */
    public ActionData withDuration(String name, Duration value) {
        return withText(name, Checks.duration(actionId, definition(name), name, value));
    }

    /**
     * Copies with an integer or percent parameter, checked against the catalog's range.
     *
     * @param name the parameter name
     * @param value the number
     * @return the copy
     * @throws IllegalArgumentException if the number is outside the range
     */
    public ActionData withInteger(String name, long value) {
        return withText(name, Checks.number(actionId, definition(name), name, BigDecimal.valueOf(value)));
    }

    /**
     * Copies with a decimal parameter, checked against the catalog's range.
     *
     * @param name the parameter name
     * @param value the number
     * @return the copy
     * @throws IllegalArgumentException if the number is not finite or is outside the range
     */
    public ActionData withNumber(String name, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " of " + actionId + " must be a finite number, was " + value);
        }
        return withText(name, Checks.number(actionId, definition(name), name, BigDecimal.valueOf(value)));
    }

    /**
     * Copies with a boolean parameter ({@code true} or {@code false}).
     *
     * @param name the parameter name
     * @param value the value
     * @return the copy
     */
    public ActionData withBoolean(String name, boolean value) {
        return withText(name, Boolean.toString(value));
    }

    /**
     * Copies with a parameter that holds a JSON document written as a string, checked to be
     * well-formed JSON.
     *
     * @param name the parameter name
     * @param json the JSON text
     * @return the copy
     * @throws IllegalArgumentException if the text is not one well-formed JSON value
     */
    public ActionData withJson(String name, String json) {
        return withText(name, Json.checked(actionId, name, json));
    }

    /**
     * Copies with a list parameter, written comma-separated and checked against the catalog's
     * maximum number of items.
     *
     * @param name the parameter name
     * @param values the items
     * @return the copy
     * @throws IllegalArgumentException if the list is empty or too long, or an item has a comma
     */
    public ActionData withList(String name, List<String> values) {
        return withText(name, Checks.list(actionId, definition(name), name, values));
    }

    private Optional<ParameterDefinition> definition(String name) {
        return Catalog.defaultCatalog().action(actionId).flatMap(a -> a.parameter(name));
    }

    /**
     * The catalog's definition of this action.
     *
     * @return the definition, or empty for an action id the catalog does not know
     */
    public Optional<ActionDefinition> definition() {
        return Catalog.defaultCatalog().action(actionId);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ActionData)) {
            return false;
        }
        ActionData that = (ActionData) o;
        return actionId.equals(that.actionId) && Objects.equals(description, that.description)
                && parameters.equals(that.parameters) && targets.equals(that.targets)
                && startAfter.equals(that.startAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actionId, description, parameters, targets, startAfter);
    }

    @Override
    public String toString() {
        return Describe.action(this);
    }
}
