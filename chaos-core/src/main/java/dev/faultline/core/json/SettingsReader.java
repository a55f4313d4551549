package dev.faultline.core.json;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the template's settings blocks: log configuration, experiment options, report
 * configuration, target account configurations and Faultline's hypothesis. Each method starts on
 * the block's START_OBJECT. The report configuration's empty {@code outputs}, {@code dataSources}
 * and dashboard list go to the template reader's source layout.
 */
final class SettingsReader {

    private static final List<String> COMPARISONS = JsonTexts.enumNames(Comparison.values());

    private final JsonInput in;
    private final Supplier<SourceLayout.Builder> layout;

    SettingsReader(JsonInput in, Supplier<SourceLayout.Builder> layout) {
        this.in = in;
        this.layout = layout;
    }

    private void keepEmpty(CollectionField field) {
        layout.get().keepEmpty(FieldLocation.of(field));
    }

    LogConfiguration readLog(JsonPointer path) throws IOException {
        LogConfiguration.Builder b = LogConfiguration.builder();
        in.fields(path, Fields.LOG, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            if (index == 0) {
                Integer version = in.wholeInt(at, "logSchemaVersion", "Use 2, the current log schema version.");
                if (version != null) {
                    b.logSchemaVersion(version);
                }
            } else if (in.expectObject(at)) {
                if (index == 1) {
                    b.cloudWatchLogsConfiguration(readCloudWatchLogs(at));
                } else {
                    b.s3Configuration(readS3(at));
                }
            }
        });
        return b.build();
    }

    private CloudWatchLogsConfiguration readCloudWatchLogs(JsonPointer path) throws IOException {
        CloudWatchLogsConfiguration.Builder b = CloudWatchLogsConfiguration.builder();
        in.fields(path, Fields.CLOUDWATCH_LOGS, (name, index, parent) -> b.logGroupArn(in.optString(parent.child(name))));
        return b.build();
    }

    private S3Configuration readS3(JsonPointer path) throws IOException {
        S3Configuration.Builder b = S3Configuration.builder();
        in.fields(path, Fields.S3, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            if (index == 0) {
                b.bucketName(in.optString(at));
            } else {
                b.prefix(in.optString(at));
            }
        });
        return b.build();
    }

    ExperimentOptions readOptions(JsonPointer path) throws IOException {
        ExperimentOptions.Builder b = ExperimentOptions.builder();
        in.fields(path, Fields.OPTIONS, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            String value = in.string(at);
            if (value == null) {
                return;
            }
            if (index == 0) {
                AccountTargeting v = AccountTargeting.fromWireName(value);
                if (v == null) {
                    in.badEnum(at, value, List.of("single-account", "multi-account"));
                } else {
                    b.accountTargeting(v);
                }
            } else {
                EmptyTargetResolutionMode v = EmptyTargetResolutionMode.fromWireName(value);
                if (v == null) {
                    in.badEnum(at, value, List.of("fail", "skip"));
                } else {
                    b.emptyTargetResolutionMode(v);
                }
            }
        });
        return b.build();
    }

    ReportConfiguration readReport(JsonPointer path) throws IOException {
        ReportConfiguration.Builder b = ReportConfiguration.builder();
        in.fields(path, Fields.REPORT, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            switch (name) {
                case "outputs":
                    if (in.expectObject(at)
                            && in.fields(at, Fields.REPORT_OUTPUTS, (n, i, outputs) -> {
                                JsonPointer s3 = outputs.child(n);
                                if (in.expectObject(s3)) {
                                    b.s3Configuration(readS3(s3));
                                }
                            }) == 0) {
                        keepEmpty(CollectionField.REPORT_OUTPUTS);
                    }
                    break;
                case "dataSources":
                    if (in.expectObject(at) && in.fields(at, Fields.REPORT_SOURCES, (n, i, sources) -> {
                        JsonPointer dashboards = sources.child(n);
                        b.cloudWatchDashboards(List.of());
                        if (in.objectList(dashboards, this::readDashboard, b::addCloudWatchDashboard) == 0) {
                            keepEmpty(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS);
                        }
                    }) == 0) {
                        keepEmpty(CollectionField.REPORT_DATA_SOURCES);
                    }
                    break;
                case "preExperimentDuration":
                    b.preExperimentDuration(in.optString(at));
                    break;
                default:
                    b.postExperimentDuration(in.optString(at));
                    break;
            }
        });
        return b.build();
    }

    private String readDashboard(JsonPointer path) throws IOException {
        String[] id = {null};
        in.fields(path, Fields.DASHBOARD, (name, index, parent) -> id[0] = in.string(parent, name));
        if (id[0] == null) {
            in.violations.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, path.child("dashboardIdentifier").toString(),
                    "A dashboard entry needs its dashboardIdentifier.", "Give the dashboard's ARN."));
            return "";
        }
        return id[0];
    }

    TargetAccountConfiguration readAccount(JsonPointer path) throws IOException {
        TargetAccountConfiguration.Builder b = TargetAccountConfiguration.builder();
        in.fields(path, Fields.ACCOUNT, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            if (index == 0) {
                b.accountId(in.optString(at));
            } else if (index == 1) {
                b.roleArn(in.optString(at));
            } else {
                b.description(in.optString(at));
            }
        });
        return b.build();
    }

    Hypothesis readHypothesis(JsonPointer path) throws IOException {
        Hypothesis.Builder b = Hypothesis.builder();
        in.fields(path, Fields.HYPOTHESIS, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            if (index == 0) {
                b.description(in.optString(at));
            } else if (index == 1) {
                b.conditions(List.of());
                in.objectList(at, this::readCondition, b::addCondition);
            } else {
                b.recoveryWindow(Optional.ofNullable(in.duration(at)));
            }
        });
        return b.build();
    }

    private SteadyStateCondition readCondition(JsonPointer path) throws IOException {
        SteadyStateCondition.Builder b = SteadyStateCondition.builder();
        in.fields(path, Fields.CONDITION, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            switch (name) {
                case "name":
                    b.name(in.optString(at));
                    break;
                case "namespace":
                    b.namespace(in.optString(at));
                    break;
                case "metricName":
                    b.metricName(in.optString(at));
                    break;
                case "dimensions":
                    int dimensions = in.stringMap(at);
                    b.dimensions(Map.of());
                    for (int i = 0; i < dimensions; i++) {
                        b.putDimension(in.key(i), in.value(i));
                    }
                    break;
                case "statistic":
                    b.statistic(in.optString(at));
                    break;
                case "period":
                    Duration period = in.duration(at);
                    if (period != null) {
                        b.period(period);
                    }
                    break;
                case "comparison":
                    String comparison = in.string(at);
                    if (comparison != null) {
                        Comparison c = Comparison.fromName(comparison);
                        if (c == null) {
                            in.badEnum(at, comparison, COMPARISONS);
                        } else {
                            b.comparison(c);
                        }
                    }
                    break;
                case "threshold":
                    Double threshold = in.real(at);
                    if (threshold != null) {
                        b.threshold(threshold);
                    }
                    break;
                default:
                    b.phases(phases(at));
                    break;
            }
        });
        return b.build();
    }

    private Set<CheckPhase> phases(JsonPointer path) throws IOException {
        Set<CheckPhase> phases = EnumSet.noneOf(CheckPhase.class);
        int n = in.stringList(path);
        for (int i = 0; i < n; i++) {
            String value = in.element(i); // badEnum reads no collection: the scratch stays as read
            CheckPhase phase = CheckPhase.fromWireName(value);
            if (phase == null) {
                in.badEnum(path, value, List.of("before", "during", "after"));
            } else {
                phases.add(phase);
            }
        }
        return phases;
    }
}
