package dev.faultline.core.layout;

import java.util.Objects;

/**
 * Where one collection field sits in a template: the field, the key of the target or action
 * that holds it ({@code ""} for the template and the report configuration) and, for a filter's
 * values, the filter's index in its target's filter list ({@code -1} otherwise).
 *
 * <pre>{@code
 * FieldLocation.of(CollectionField.TAGS);                              // /tags
 * FieldLocation.of(CollectionField.ACTION_START_AFTER, "stop");        // /actions/stop/startAfter
 * FieldLocation.filterValues("workers", 0);                            // /targets/workers/filters/0/values
 * }</pre>
 *
 * @param field the collection field
 * @param element the key of the target or action that holds it, {@code ""} for the template and the report
 * @param filter the index of the filter among its target's filters, {@code -1} for other fields
 */
public record FieldLocation(CollectionField field, String element, int filter) {

    /**
     * Checks that the element and filter index fit the field's owner.
     *
     * @param field the collection field
     * @param element the key of its target or action, {@code ""} for the template and the report
     * @param filter the filter index, {@code -1} unless the field is {@link CollectionField#FILTER_VALUES}
     * @throws IllegalArgumentException if the element or filter index does not fit the field
     */
    public FieldLocation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(element, "element");
        CollectionField.Owner owner = field.owner();
        boolean single = owner == CollectionField.Owner.TEMPLATE || owner == CollectionField.Owner.REPORT;
        if (single && !element.isEmpty()) {
            throw new IllegalArgumentException(field + " belongs to the " + owner.name().toLowerCase(java.util.Locale.ROOT)
                    + ", which has no key; got '" + element + "'");
        }
        if ((owner == CollectionField.Owner.FILTER) != (filter >= 0) || filter < -1) {
            throw new IllegalArgumentException(owner == CollectionField.Owner.FILTER
                    ? "a filter's values need the filter's index (0 or more), got " + filter
                    : field + " has no filter index; use -1, got " + filter);
        }
    }

    /**
     * A field of the template or of its report configuration.
     *
     * @param field a field whose owner is {@link CollectionField.Owner#TEMPLATE} or {@link CollectionField.Owner#REPORT}
     * @return the location
     * @throws IllegalArgumentException for a field of a target, filter or action
     */
    public static FieldLocation of(CollectionField field) {
        Objects.requireNonNull(field, "field");
        if (field.owner() != CollectionField.Owner.TEMPLATE && field.owner() != CollectionField.Owner.REPORT) {
            throw new IllegalArgumentException(field + " belongs to a " + field.owner().name().toLowerCase(java.util.Locale.ROOT)
                    + "; name it");
        }
        return new FieldLocation(field, "", -1);
    }

    /**
     * A field of one target or action.
     *
     * @param field a field whose owner is {@link CollectionField.Owner#TARGET} or {@link CollectionField.Owner#ACTION}
     * @param element the target's or action's key in the template (may be {@code ""}, a key like any other)
     * @return the location
     * @throws IllegalArgumentException for a field of the template, a filter or the report
     */
    public static FieldLocation of(CollectionField field, String element) {
        Objects.requireNonNull(field, "field");
        if (field.owner() != CollectionField.Owner.TARGET && field.owner() != CollectionField.Owner.ACTION) {
            throw new IllegalArgumentException(field + " does not belong to a target or an action");
        }
        return new FieldLocation(field, element, -1);
    }

    /**
     * The {@code values} of one filter of a target.
     *
     * @param target the target's key in the template
     * @param filter the filter's index in the target's filter list, from 0
     * @return the location
     * @throws IllegalArgumentException if the index is negative
     */
    public static FieldLocation filterValues(String target, int filter) {
        if (filter < 0) {
            throw new IllegalArgumentException("a filter's index is 0 or more, got " + filter);
        }
        return new FieldLocation(CollectionField.FILTER_VALUES, target, filter);
    }

    /**
     * The target or action that holds this field, for a filter its target: the key the field
     * is forgotten by when that element is read again.
     *
     * @return the owning element's kind, {@link CollectionField.Owner#TARGET} for a filter
     */
    CollectionField.Owner elementKind() {
        return field.owner() == CollectionField.Owner.FILTER ? CollectionField.Owner.TARGET : field.owner();
    }

    /**
     * The location as a JSON Pointer into the template ({@code /targets/workers/filters/0/values}),
     * for messages.
     *
     * @return the pointer text, with {@code ~} and {@code /} in keys escaped
     */
    @Override
    public String toString() {
        String key = element.replace("~", "~0").replace("/", "~1");
        return switch (field.owner()) {
            case TEMPLATE -> "/" + field.jsonName();
            case REPORT -> field == CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS
                    ? "/experimentReportConfiguration/dataSources/cloudWatchDashboards"
                    : "/experimentReportConfiguration/" + field.jsonName();
            case TARGET -> "/targets/" + key + "/" + field.jsonName();
            case ACTION -> "/actions/" + key + "/" + field.jsonName();
            case FILTER -> "/targets/" + key + "/filters/" + filter + "/values";
        };
    }
}
