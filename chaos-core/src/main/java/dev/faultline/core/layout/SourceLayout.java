package dev.faultline.core.layout;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a template's JSON was laid out where the model cannot tell: the collection fields that
 * were present but empty ({@code "tags": {}}, {@code "startAfter": []}). An immutable value;
 * {@link #NONE} for an experiment built in code, which writes no empty collection.
 *
 * <p>The model leaves this out on purpose: an experiment without tags is the same experiment
 * whether its source said {@code "tags": {}} or nothing. Writers that must give the source
 * back take the layout beside the experiment:
 *
 * <pre>{@code
 * ReadResult read = TemplateJson.read(json);
 * String again = TemplateJson.write(read.experiment().orElseThrow(), read.layout()); // same JSON tree
 * }</pre>
 *
 * A location of a collection that is not empty in the experiment is harmless: a writer writes a
 * collection when it has elements or its location is kept empty.
 */
public final class SourceLayout {

    /** The layout of a template with no collection present but empty. */
    public static final SourceLayout NONE = new SourceLayout(Set.of());

    private final Set<FieldLocation> keptEmpty;

    private SourceLayout(Set<FieldLocation> keptEmpty) {
        this.keptEmpty = keptEmpty;
    }

    /**
     * A layout with these collections present but empty.
     *
     * @param keptEmpty the locations of the empty collections
     * @return the layout
     */
    public static SourceLayout of(Set<FieldLocation> keptEmpty) {
        Objects.requireNonNull(keptEmpty, "keptEmpty");
        return keptEmpty.isEmpty() ? NONE
                : new SourceLayout(Collections.unmodifiableSet(new LinkedHashSet<>(keptEmpty)));
    }

    /**
     * Creates a builder of a layout.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The locations of the collections that were present but empty, in the order recorded.
     *
     * @return the locations, unmodifiable
     */
    public Set<FieldLocation> keptEmpty() {
        return keptEmpty;
    }

    /**
     * Tells whether the collection at a location was present but empty.
     *
     * @param location the location
     * @return true if the source held it as {@code {}} or {@code []}
     */
    public boolean keptEmpty(FieldLocation location) {
        return !keptEmpty.isEmpty() && keptEmpty.contains(location);
    }

    /**
     * Tells whether a field of the template or of its report configuration was present but empty.
     *
     * @param field a template or report field
     * @return true if the source held it as {@code {}} or {@code []}
     * @throws IllegalArgumentException for a field of a target, filter or action
     */
    public boolean keptEmpty(CollectionField field) {
        return !keptEmpty.isEmpty() && keptEmpty.contains(FieldLocation.of(field));
    }

    /**
     * Tells whether a field of one target or action was present but empty.
     *
     * @param field a target or action field
     * @param element the target's or action's key
     * @return true if the source held it as {@code {}} or {@code []}
     * @throws IllegalArgumentException for a field of the template, a filter or the report
     */
    public boolean keptEmpty(CollectionField field, String element) {
        return !keptEmpty.isEmpty() && keptEmpty.contains(FieldLocation.of(field, element));
    }

    /**
     * Tells whether the {@code values} of one filter were present but empty.
     *
     * @param target the target's key
     * @param filter the filter's index in the target's filter list
     * @return true if the source held them as {@code []}
     */
    public boolean filterValuesKeptEmpty(String target, int filter) {
        return !keptEmpty.isEmpty() && keptEmpty.contains(FieldLocation.filterValues(target, filter));
    }

    /**
     * Tells whether no collection was present but empty.
     *
     * @return true for a layout like {@link #NONE}
     */
    public boolean isEmpty() {
        return keptEmpty.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SourceLayout that && keptEmpty.equals(that.keptEmpty);
    }

    @Override
    public int hashCode() {
        return keptEmpty.hashCode();
    }

    /**
     * The layout as the JSON Pointers of its empty collections.
     *
     * @return {@code SourceLayout[keptEmpty=/tags, /actions/stop/startAfter]}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SourceLayout[keptEmpty=");
        String sep = "";
        for (FieldLocation l : keptEmpty) {
            s.append(sep).append(l);
            sep = ", ";
        }
        return s.append(']').toString();
    }

    /**
     * Builds {@link SourceLayout} values, as a reader walks a template. An element read again
     * (a repeated key: the last value wins) is first {@linkplain #forget forgotten}, so that its
     * earlier layout does not linger.
     */
    public static final class Builder {

        private Set<FieldLocation> keptEmpty;

        private Builder() {}

        /**
         * Records a collection present but empty.
         *
         * @param location its location
         * @return this builder
         */
        public Builder keepEmpty(FieldLocation location) {
            Objects.requireNonNull(location, "location");
            if (keptEmpty == null) {
                keptEmpty = new LinkedHashSet<>();
            }
            keptEmpty.add(location);
            return this;
        }

        /**
         * Records a collection present but empty when {@code count}, the number of its elements
         * read, is 0 (a negative count, for a value of the wrong type, records nothing).
         *
         * @param count the number of elements read
         * @param location its location
         * @return this builder
         */
        public Builder keepEmptyIf(int count, FieldLocation location) {
            return count == 0 ? keepEmpty(location) : this;
        }

        /**
         * Forgets what was recorded under one target or action (for a target, its filters' too),
         * or, with a {@code null} element, under every target or action, or, for
         * {@link CollectionField.Owner#REPORT}, the report configuration.
         *
         * @param kind {@link CollectionField.Owner#TARGET}, {@link CollectionField.Owner#ACTION} or {@link CollectionField.Owner#REPORT}
         * @param element the target's or action's key, or null for all of them
         * @return this builder
         */
        public Builder forget(CollectionField.Owner kind, String element) {
            Objects.requireNonNull(kind, "kind");
            if (keptEmpty != null) {
                keptEmpty.removeIf(l -> l.elementKind() == kind && (element == null || element.equals(l.element())));
            }
            return this;
        }

        /**
         * Forgets the {@code values} of every filter of one target, for a {@code filters} list
         * read again.
         *
         * @param target the target's key
         * @return this builder
         */
        public Builder forgetFilters(String target) {
            if (keptEmpty != null) {
                keptEmpty.removeIf(l -> l.field() == CollectionField.FILTER_VALUES && l.element().equals(target));
            }
            return this;
        }

        /**
         * Builds the layout.
         *
         * @return the layout, {@link #NONE} if nothing was recorded
         */
        public SourceLayout build() {
            return keptEmpty == null || keptEmpty.isEmpty() ? NONE : of(keptEmpty);
        }
    }
}
