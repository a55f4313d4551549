package dev.faultline.dsl.internal;

import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ParameterProblem;
import dev.faultline.core.catalog.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a DSL argument at the call: the Java-side contract (not null, whole seconds, one list
 * item per argument), then the catalog's parameter definition, which alone decides whether a
 * value fits ({@link ParameterDefinition#check(String)}); the exception carries the same message
 * and hint the validator reports for the same value.
 */
public final class Checks {

    private Checks() {}

    /**
     * Checks a parameter value (a string, as on the wire) against the catalog's definition: the
     * definition decides ({@link ParameterDefinition#check(String)}), and its message and hint
     * are the exception's text, as the validator reports them.
     *
     * @param owner what the parameter belongs to, for messages ({@code aws:ebs:pause-volume-io})
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param value the value as FIS reads it
     * @return the value
     * @throws IllegalArgumentException if the definition finds a problem with the value
     */
    public static String value(String owner, Optional<ParameterDefinition> definition, String name, String value) {
        Objects.requireNonNull(value, name);
        if (definition.isPresent()) {
            List<ParameterProblem> problems = definition.get().check(value);
            if (!problems.isEmpty()) {
                StringBuilder text = new StringBuilder(name).append(" of ").append(owner).append(':');
                for (ParameterProblem p : problems) {
                    text.append(' ').append(p.message()).append(' ').append(p.hint());
                }
                throw new IllegalArgumentException(text.toString());
            }
        }
        return value;
    }

    /**
     * Checks a duration and gives its ISO-8601 text. The DSL writes whole seconds only; within
     * that, the catalog's definition decides ({@link #value}), and without one the duration
     * must be positive.
     *
     * @param owner what the parameter belongs to, for messages ({@code aws:ebs:pause-volume-io})
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param value the duration
     * @return the text, for example {@code PT5M}
     * @throws IllegalArgumentException if the duration has a fraction of a second, is not
     *     positive (without a definition), or the definition finds a problem with it
     */
    public static String duration(String owner, Optional<ParameterDefinition> definition, String name,
            Duration value) {
        Objects.requireNonNull(value, name);
        if (value.getNano() != 0 || definition.isEmpty() && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " of " + owner
                    + " must be a positive whole number of seconds, was " + value);
        }
        return value(owner, definition, name, value.toString());
    }

    /**
     * Checks a number (an integer or percent parameter) through the catalog's definition ({@link #value}).
     *
     * @param owner what the parameter belongs to, for messages
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param value the number
     * @return its text
     * @throws IllegalArgumentException if the definition finds a problem with it
     */
    public static String number(String owner, Optional<ParameterDefinition> definition, String name,
            BigDecimal value) {
        return value(owner, definition, name, Objects.requireNonNull(value, name).stripTrailingZeros().toPlainString());
    }

    /**
     * Checks a list: one value per argument, then the catalog's definition ({@link #value})
     * decides on the comma-separated text (maximum items, allowed item values).
     *
     * @param owner what the parameter belongs to, for messages
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param values the items
     * @return the comma-separated text
     * @throws IllegalArgumentException if the list is empty, an item is empty or has a comma,
     *     or the definition finds a problem with the list
     */
    public static String list(String owner, Optional<ParameterDefinition> definition, String name,
            List<String> values) {
        Objects.requireNonNull(values, name);
        if (values.isEmpty()) {
            throw new IllegalArgumentException(name + " of " + owner + " needs at least one value");
        }
        for (String value : values) {
            Objects.requireNonNull(value, name);
            if (value.isEmpty() || value.indexOf(',') >= 0) {
                throw new IllegalArgumentException(name + " of " + owner
                        + " takes values without commas, one per argument, was '" + value + "'");
            }
        }
        return value(owner, definition, name, String.join(",", values));
    }

    /**
     * Checks that a name is one of the known names, suggesting the nearest ones otherwise.
     *
     * @param what what kind of name, for messages ({@code parameter of aws:ec2:subnet})
     * @param name the name
     * @param known the known names
     * @return the name
     * @throws IllegalArgumentException if the name is unknown
     */
    public static String known(String what, String name, Collection<String> known) {
        Objects.requireNonNull(name, "name");
        if (!known.contains(name)) {
            List<String> near = Suggestions.nearest(name, known, 3);
            throw new IllegalArgumentException("unknown " + what + " '" + name + "'"
                    + (near.isEmpty() ? "; known: " + known : "; did you mean " + String.join(" or ", near) + "?"));
        }
        return name;
    }

    /**
     * Checks a text argument: not null and not blank.
     *
     * @param name the argument name, for messages
     * @param value the value
     * @return the value
     * @throws IllegalArgumentException if the value is blank
     */
    public static String text(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
