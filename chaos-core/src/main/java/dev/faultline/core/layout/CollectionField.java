package dev.faultline.core.layout;

/**
 * A collection field of a FIS template that the source may hold empty, named by where it sits:
 * in the template itself, in a target, a target's filter, an action or the report
 * configuration.
 */
public enum CollectionField {
    /** The template's {@code targets}. */
    TARGETS(Owner.TEMPLATE, "targets"),
    /** The template's {@code actions}. */
    ACTIONS(Owner.TEMPLATE, "actions"),
    /** The template's {@code stopConditions}. */
    STOP_CONDITIONS(Owner.TEMPLATE, "stopConditions"),
    /** The template's {@code tags}. */
    TAGS(Owner.TEMPLATE, "tags"),
    /** The template's {@code targetAccountConfigurations}. */
    TARGET_ACCOUNT_CONFIGURATIONS(Owner.TEMPLATE, "targetAccountConfigurations"),
    /** A target's {@code resourceArns}. */
    TARGET_RESOURCE_ARNS(Owner.TARGET, "resourceArns"),
    /** A target's {@code resourceTags}. */
    TARGET_RESOURCE_TAGS(Owner.TARGET, "resourceTags"),
    /** A target's {@code filters}. */
    TARGET_FILTERS(Owner.TARGET, "filters"),
    /** A target's {@code parameters}. */
    TARGET_PARAMETERS(Owner.TARGET, "parameters"),
    /** A target filter's {@code values}. */
    FILTER_VALUES(Owner.FILTER, "values"),
    /** An action's {@code parameters}. */
    ACTION_PARAMETERS(Owner.ACTION, "parameters"),
    /** An action's {@code targets}. */
    ACTION_TARGETS(Owner.ACTION, "targets"),
    /** An action's {@code startAfter}. */
    ACTION_START_AFTER(Owner.ACTION, "startAfter"),
    /** The report configuration's {@code outputs} object, present without an S3 configuration. */
    REPORT_OUTPUTS(Owner.REPORT, "outputs"),
    /** The report configuration's {@code dataSources} object, present without dashboards. */
    REPORT_DATA_SOURCES(Owner.REPORT, "dataSources"),
    /** The report configuration's {@code dataSources.cloudWatchDashboards} list. */
    REPORT_CLOUD_WATCH_DASHBOARDS(Owner.REPORT, "cloudWatchDashboards");

    /** The part of a template that holds a collection field. */
    public enum Owner {
        /** The template itself: one of it. */
        TEMPLATE,
        /** A target, named by its key in the template's {@code targets}. */
        TARGET,
        /** A filter, named by its target's key and its index in the target's {@code filters}. */
        FILTER,
        /** An action, named by its key in the template's {@code actions}. */
        ACTION,
        /** The {@code experimentReportConfiguration}: one of it. */
        REPORT
    }

    private final Owner owner;
    private final String jsonName;

    CollectionField(Owner owner, String jsonName) {
        this.owner = owner;
        this.jsonName = jsonName;
    }

    /**
     * The part of the template that holds this field.
     *
     * @return the owner
     */
    public Owner owner() {
        return owner;
    }

    /**
     * The field's name in the template JSON ({@code resourceArns}).
     *
     * @return the JSON field name
     */
    public String jsonName() {
        return jsonName;
    }
}
