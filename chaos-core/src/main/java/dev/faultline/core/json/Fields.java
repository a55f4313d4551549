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

    private Fields() {}
}
