package dev.faultline.core.json;

import java.util.List;

/** The field names of each object of the template JSON, for unknown-field hints. */
final class Fields {

    static final List<String> TEMPLATE = List.of("description", "targets", "actions", "stopConditions",
            "roleArn", "tags", "logConfiguration", "experimentOptions", "experimentReportConfiguration",
            "name", "hypothesis", "targetAccountConfigurations", "id", "arn", "clientToken", "creationTime",
            "lastUpdateTime", "targetAccountConfigurationsCount");
    static final List<String> TARGET = List.of("resourceType", "resourceArns", "resourceTags", "filters",
            "selectionMode", "parameters");
    static final List<String> FILTER = List.of("path", "values");
    static final List<String> ACTION = List.of("actionId", "description", "parameters", "targets", "startAfter");
    static final List<String> STOP_CONDITION = List.of("source", "value", "metricAlarms", "compositeAlarmName");
    static final List<String> LOG = List.of("logSchemaVersion", "cloudWatchLogsConfiguration", "s3Configuration");
    static final List<String> CLOUDWATCH_LOGS = List.of("logGroupArn");
    static final List<String> S3 = List.of("bucketName", "prefix");
    static final List<String> OPTIONS = List.of("accountTargeting", "emptyTargetResolutionMode");
    static final List<String> REPORT = List.of("outputs", "dataSources", "preExperimentDuration",
            "postExperimentDuration");
    static final List<String> REPORT_OUTPUTS = List.of("s3Configuration");
    static final List<String> REPORT_SOURCES = List.of("cloudWatchDashboards");
    static final List<String> DASHBOARD = List.of("dashboardIdentifier");
    static final List<String> ACCOUNT = List.of("accountId", "roleArn", "description");
    static final List<String> HYPOTHESIS = List.of("description", "conditions", "recoveryWindow");
    static final List<String> CONDITION = List.of("name", "namespace", "metricName", "dimensions", "statistic",
            "period", "comparison", "threshold", "phases");

    // The positions of the fields the template reader switches on (a switch on an int index costs
    // less than one on the name: no hash lookup and no equals per field). Checked against the
    // lists when this class loads, so a list reordered without its constants fails every read.

    static final int TEMPLATE_DESCRIPTION = 0;
    static final int TEMPLATE_TARGETS = 1;
    static final int TEMPLATE_ACTIONS = 2;
    static final int TEMPLATE_STOP_CONDITIONS = 3;
    static final int TEMPLATE_ROLE_ARN = 4;
    static final int TEMPLATE_TAGS = 5;
    static final int TEMPLATE_LOG_CONFIGURATION = 6;
    static final int TEMPLATE_EXPERIMENT_OPTIONS = 7;
    static final int TEMPLATE_NAME = 9;
    static final int TARGET_RESOURCE_TYPE = 0;
    static final int TARGET_RESOURCE_ARNS = 1;
    static final int TARGET_RESOURCE_TAGS = 2;
    static final int TARGET_FILTERS = 3;
    static final int TARGET_SELECTION_MODE = 4;
    static final int TARGET_PARAMETERS = 5;
    static final int ACTION_ACTION_ID = 0;
    static final int ACTION_DESCRIPTION = 1;
    static final int ACTION_PARAMETERS = 2;
    static final int ACTION_TARGETS = 3;
    static final int ACTION_START_AFTER = 4;
    static final int FILTER_PATH = 0;
    static final int FILTER_VALUES = 1;
    static final int STOP_CONDITION_SOURCE = 0;
    static final int STOP_CONDITION_VALUE = 1;
    static final int STOP_CONDITION_METRIC_ALARMS = 2;
    static final int STOP_CONDITION_COMPOSITE_ALARM_NAME = 3;

    static {
        at(TEMPLATE, TEMPLATE_DESCRIPTION, "description");
        at(TEMPLATE, TEMPLATE_TARGETS, "targets");
        at(TEMPLATE, TEMPLATE_ACTIONS, "actions");
        at(TEMPLATE, TEMPLATE_STOP_CONDITIONS, "stopConditions");
        at(TEMPLATE, TEMPLATE_ROLE_ARN, "roleArn");
        at(TEMPLATE, TEMPLATE_TAGS, "tags");
        at(TEMPLATE, TEMPLATE_LOG_CONFIGURATION, "logConfiguration");
        at(TEMPLATE, TEMPLATE_EXPERIMENT_OPTIONS, "experimentOptions");
        at(TEMPLATE, TEMPLATE_NAME, "name");
        at(TARGET, TARGET_RESOURCE_TYPE, "resourceType");
        at(TARGET, TARGET_RESOURCE_ARNS, "resourceArns");
        at(TARGET, TARGET_RESOURCE_TAGS, "resourceTags");
        at(TARGET, TARGET_FILTERS, "filters");
        at(TARGET, TARGET_SELECTION_MODE, "selectionMode");
        at(TARGET, TARGET_PARAMETERS, "parameters");
        at(ACTION, ACTION_ACTION_ID, "actionId");
        at(ACTION, ACTION_DESCRIPTION, "description");
        at(ACTION, ACTION_PARAMETERS, "parameters");
        at(ACTION, ACTION_TARGETS, "targets");
        at(ACTION, ACTION_START_AFTER, "startAfter");
        at(FILTER, FILTER_PATH, "path");
        at(FILTER, FILTER_VALUES, "values");
        at(STOP_CONDITION, STOP_CONDITION_SOURCE, "source");
        at(STOP_CONDITION, STOP_CONDITION_VALUE, "value");
        at(STOP_CONDITION, STOP_CONDITION_METRIC_ALARMS, "metricAlarms");
        at(STOP_CONDITION, STOP_CONDITION_COMPOSITE_ALARM_NAME, "compositeAlarmName");
    }

    private Fields() {}

    private static void at(List<String> fields, int index, String name) {
        if (!fields.get(index).equals(name)) {
            throw new IllegalStateException("Fields: '" + name + "' is not at " + index + " of " + fields);
        }
    }
}
