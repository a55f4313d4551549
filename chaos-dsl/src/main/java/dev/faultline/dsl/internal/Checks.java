package dev.faultline.dsl.internal;

import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.Suggestions;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a DSL argument against what the catalog knows of its parameter (duration range,
 * integer or percent range, number of list items) and fails at the call with a message that
 * names the parameter, the value and the range.
 */
public final class Checks {

    private Checks() {}

    /**
     * Checks a duration and gives its ISO-8601 text.
     *
     * @param owner what the parameter belongs to, for messages ({@code aws:ebs:pause-volume-io})
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param value the duration
     * @return the text, for example {@code PT5M}
     * @throws IllegalArgumentException if the duration is not positive, has a fraction of a
     *     second, or is outside the catalog's range
     */
    public static String duration(String owner, Optional<ParameterDefinition> definition, String name,
            Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero() || value.getNano() != 0) {
            throw new IllegalArgumentException(name + " of " + owner
                    + " must be a positive whole number of seconds, was " + value);
        }
        if (definition.isPresent()) {
            Optional<Duration> min = definition.get().durationMin();
            Optional<Duration> max = definition.get().durationMax();
            if (min.isPresent() && value.compareTo(min.get()) < 0
                    || max.isPresent() && value.compareTo(max.get()) > 0) {
                throw new IllegalArgumentException(name + " of " + owner + " must be within "
                        + min.map(Duration::toString).orElse("") + ".." + max.map(Duration::toString).orElse("")
                        + ", was " + value);
            }
        }
        return value.toString();
    }

    /**
     * Checks a whole number (an integer or percent parameter).
     *
     * @param owner what the parameter belongs to, for messages
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param value the number
     * @return its text
     * @throws IllegalArgumentException if the number is outside the catalog's range
     */
    public static String number(String owner, Optional<ParameterDefinition> definition, String name,
            BigDecimal value) {
        if (definition.isPresent()) {
            Optional<BigDecimal> min = definition.get().min();
            Optional<BigDecimal> max = definition.get().max();
            if (min.isPresent() && value.compareTo(min.get()) < 0
                    || max.isPresent() && value.compareTo(max.get()) > 0) {
                throw new IllegalArgumentException(name + " of " + owner + " must be within "
                        + min.map(BigDecimal::toPlainString).orElse("") + ".."
                        + max.map(BigDecimal::toPlainString).orElse("") + ", was " + value.toPlainString());
            }
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * Checks a list against the catalog's maximum number of items.
     *
     * @param owner what the parameter belongs to, for messages
     * @param definition the catalog's definition, if the catalog has one
     * @param name the parameter name
     * @param values the items
     * @return the comma-separated text
     * @throws IllegalArgumentException if the list is empty, an item is empty or has a comma,
     *     or there are more items than the catalog allows
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
        if (definition.isPresent() && definition.get().maxItems().isPresent()
                && values.size() > definition.get().maxItems().getAsInt()) {
            throw new IllegalArgumentException(name + " of " + owner + " takes at most "
                    + definition.get().maxItems().getAsInt() + " values, was " + values.size() + ": " + values);
        }
        return String.join(",", values);
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
