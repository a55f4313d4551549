package dev.faultline.core.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One parameter of an action, a resource type or an SSM document: its name, type, whether it
 * is required, its default, its numeric or duration range and its allowed values.
 *
 * <p>Instances are created by the catalog loader only; read them through {@link Catalog}.
 *
 * <pre>{@code
 * ParameterDefinition duration = catalog.action("aws:ebs:pause-volume-io").orElseThrow()
 *         .parameter("duration").orElseThrow();
 * duration.durationMin();    // Optional[PT1S]
 * duration.durationMax();    // Optional[PT12H]
 * }</pre>
 */
public final class ParameterDefinition {

    private final String name;
    private final ParameterType type;
    private final boolean required;
    private final boolean requiredUnconfirmed;
    private final ParameterCondition requiredWhen;
    private final String appliesOnlyWith;
    private final String defaultValue;
    private final BigDecimal min;
    private final BigDecimal max;
    private final List<String> enumValues;
    private final Duration durationMin;
    private final Duration durationMax;
    private final List<String> itemValues;
    private final Integer maxItems;
    private final String description;
    private final String unconfirmed;

    private ParameterDefinition(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.type = Objects.requireNonNull(builder.type, "type");
        this.required = builder.required;
        this.requiredUnconfirmed = builder.requiredUnconfirmed;
        this.requiredWhen = builder.requiredWhen;
        this.appliesOnlyWith = builder.appliesOnlyWith;
        this.defaultValue = builder.defaultValue;
        this.min = builder.min;
        this.max = builder.max;
        this.enumValues = List.copyOf(builder.enumValues);
        this.durationMin = builder.durationMin;
        this.durationMax = builder.durationMax;
        this.itemValues = List.copyOf(builder.itemValues);
        this.maxItems = builder.maxItems;
        this.description = Objects.requireNonNull(builder.description, "description");
        this.unconfirmed = builder.unconfirmed;
    }

    static Builder builder(String name, ParameterType type) {
        return new Builder(name, type);
    }

    /**
     * Returns the parameter name, case-sensitive as FIS expects it.
     *
     * @return for example {@code startInstancesAfterDuration}
     */
    public String name() {
        return name;
    }

    /**
     * Returns how the parameter's string value is read.
     *
     * @return the type
     */
    public ParameterType type() {
        return type;
    }

    /**
     * Tells whether the parameter must always be given. Conditional parameters are not
     * required; see {@link #requiredWhen()}. Where the reference could not confirm the flag
     * the parameter is optional here and {@link #requiredUnconfirmed()} is true.
     *
     * @return true when FIS requires the parameter
     */
    public boolean required() {
        return required;
    }

    /**
     * Tells whether the reference could not confirm if the parameter is required. Such a
     * parameter is treated as optional so that nothing FIS might accept is rejected; a
     * validator may warn when it is missing.
     *
     * @return true when the required flag is unconfirmed
     */
    public boolean requiredUnconfirmed() {
        return requiredUnconfirmed;
    }

    /**
     * Returns the condition under which this parameter becomes required.
     *
     * @return the condition, or empty for a parameter that is always or never required
     */
    public Optional<ParameterCondition> requiredWhen() {
        return Optional.ofNullable(requiredWhen);
    }

    /**
     * Returns the other parameter without which this one has no effect, for example
     * {@code startInstancesAfterDuration} for {@code completeIfInstancesTerminated}.
     *
     * @return the other parameter's name, or empty when this one acts on its own
     */
    public Optional<String> appliesOnlyWith() {
        return Optional.ofNullable(appliesOnlyWith);
    }

    /**
     * Returns the value FIS uses when the parameter is omitted, as documented.
     *
     * @return the default as a string, or empty when none is documented
     */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Returns the smallest allowed value of a numeric parameter.
     *
     * @return the inclusive lower bound, or empty when unbounded or not numeric
     */
    public Optional<BigDecimal> min() {
        return Optional.ofNullable(min);
    }

    /**
     * Returns the largest allowed value of a numeric parameter.
     *
     * @return the inclusive upper bound, or empty when unbounded or not numeric
     */
    public Optional<BigDecimal> max() {
        return Optional.ofNullable(max);
    }

    /**
     * Returns the allowed values of an {@link ParameterType#ENUM} parameter.
     *
     * @return the values in documented order; empty for other types
     */
    public List<String> enumValues() {
        return enumValues;
    }

    /**
     * Returns the shortest allowed value of a {@link ParameterType#DURATION} parameter.
     *
     * @return the inclusive lower bound, or empty for other types
     */
    public Optional<Duration> durationMin() {
        return Optional.ofNullable(durationMin);
    }

    /**
     * Returns the longest allowed value of a {@link ParameterType#DURATION} parameter.
     *
     * @return the inclusive upper bound, or empty for other types
     */
    public Optional<Duration> durationMax() {
        return Optional.ofNullable(durationMax);
    }

    /**
     * Tells whether a whole number of seconds is within {@link #durationMin()}..{@link #durationMax()}
     * (an absent bound is no bound): the range check of {@link #check(String)} on a plain
     * duration, with no {@code Duration} or {@code Optional} made.
     */
    boolean acceptsDurationSeconds(long seconds) {
        // a duration of whole seconds is below min when min has more seconds, or as many and some nanoseconds
        boolean low = durationMin != null && (seconds < durationMin.getSeconds()
                || seconds == durationMin.getSeconds() && durationMin.getNano() > 0);
        boolean high = durationMax != null && seconds > durationMax.getSeconds();
        return !low && !high;
    }

    /**
     * Returns the values each item of a {@link ParameterType#LIST} parameter may take.
     *
     * @return the allowed item values; empty when items are free or for other types
     */
    public List<String> itemValues() {
        return itemValues;
    }

    /**
     * Returns the most items a {@link ParameterType#LIST} parameter may hold.
     *
     * @return the maximum count, or empty when unbounded or for other types
     */
    public OptionalInt maxItems() {
        return maxItems == null ? OptionalInt.empty() : OptionalInt.of(maxItems);
    }

    /**
     * Returns a short description of the parameter.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Returns what the reference could not confirm about this parameter.
     *
     * @return a note, or empty when everything is confirmed
     */
    public Optional<String> unconfirmed() {
        return Optional.ofNullable(unconfirmed);
    }

    /**
     * Decides whether a value (a string, as on the wire) fits this parameter: its type, its
     * range, its allowed values and list limits. This is the one decision: the validator, the
     * DSL's argument checks and the catalog loader only report what it finds.
     *
     * <pre>{@code
     * duration.check("PT5M");    // []
     * duration.check("5m");      // [FORMAT: '5m' is not an ISO-8601 duration. Did you mean 'PT5M'? ...]
     * }</pre>
     *
     * @param value the value as FIS reads it
     * @return what is wrong, usually one problem (a list with too many items may also have a bad
     *     item); empty when the value fits
     */
    public List<ParameterProblem> check(String value) {
        return ParameterValues.check(this, Objects.requireNonNull(value, "value"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterDefinition that
                && name.equals(that.name)
                && type == that.type
                && required == that.required
                && requiredUnconfirmed == that.requiredUnconfirmed
                && Objects.equals(requiredWhen, that.requiredWhen)
                && Objects.equals(appliesOnlyWith, that.appliesOnlyWith)
                && Objects.equals(defaultValue, that.defaultValue)
                && Objects.equals(min, that.min)
                && Objects.equals(max, that.max)
                && enumValues.equals(that.enumValues)
                && Objects.equals(durationMin, that.durationMin)
                && Objects.equals(durationMax, that.durationMax)
                && itemValues.equals(that.itemValues)
                && Objects.equals(maxItems, that.maxItems)
                && description.equals(that.description)
                && Objects.equals(unconfirmed, that.unconfirmed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, required, defaultValue, min, max, enumValues, durationMin, durationMax);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(name).append(':').append(type.id());
        text.append(required ? " required" : requiredWhen != null ? " conditional" : " optional");
        defaultValue().ifPresent(value -> text.append(" default=").append(value));
        if (min != null || max != null) {
            text.append(" range=").append(min == null ? "" : min.toPlainString())
                    .append("..").append(max == null ? "" : max.toPlainString());
        }
        if (durationMin != null) {
            text.append(" range=").append(durationMin).append("..").append(durationMax);
        }
        if (!enumValues.isEmpty()) {
            text.append(" values=").append(enumValues);
        }
        return text.toString();
    }

    /** Collects the fields of a parameter while the loader reads it. */
    static final class Builder {
        private final String name;
        private final ParameterType type;
        private boolean required;
        private boolean requiredUnconfirmed;
        private ParameterCondition requiredWhen;
        private String appliesOnlyWith;
        private String defaultValue;
        private BigDecimal min;
        private BigDecimal max;
        private List<String> enumValues = List.of();
        private Duration durationMin;
        private Duration durationMax;
        private List<String> itemValues = List.of();
        private Integer maxItems;
        private String description = "";
        private String unconfirmed;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        Builder required(boolean value) {
            this.required = value;
            return this;
        }

        Builder requiredUnconfirmed(boolean value) {
            this.requiredUnconfirmed = value;
            return this;
        }

        Builder requiredWhen(ParameterCondition value) {
            this.requiredWhen = value;
            return this;
        }

        Builder appliesOnlyWith(String value) {
            this.appliesOnlyWith = value;
            return this;
        }

        Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        Builder range(BigDecimal lower, BigDecimal upper) {
            this.min = lower;
            this.max = upper;
            return this;
        }

        Builder enumValues(List<String> values) {
            this.enumValues = values;
            return this;
        }

        Builder durationRange(Duration lower, Duration upper) {
            this.durationMin = lower;
            this.durationMax = upper;
            return this;
        }

        Builder itemValues(List<String> values) {
            this.itemValues = values;
            return this;
        }

        Builder maxItems(Integer value) {
            this.maxItems = value;
            return this;
        }

        Builder description(String value) {
            this.description = value;
            return this;
        }

        Builder unconfirmed(String value) {
            this.unconfirmed = value;
            return this;
        }

        ParameterDefinition build() {
            return new ParameterDefinition(this);
        }
    }
}
