package dev.faultline.aws.internal;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TemplateMetadata;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.List;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateAction;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateExperimentOptions;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateLogConfiguration;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateReportConfiguration;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateReportConfigurationCloudWatchDashboard;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateStopCondition;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTarget;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTargetFilter;

/**
 * Maps the SDK's {@link ExperimentTemplate} (GetExperimentTemplate's answer) onto an experiment.
 * Collections the answer held but empty (the SDK tells them from absent ones) are recorded in a
 * {@link SourceLayout}; enum values this model does not know become violations.
 */
public final class SdkTemplates {

    private SdkTemplates() {}

    /**
     * Reads an SDK template.
     *
     * @param t the template
     * @param violations where problems are added
     * @param layout where the collections the answer held present but empty are recorded
     * @return the experiment
     */
    public static Experiment read(ExperimentTemplate t, List<Violation> violations, SourceLayout.Builder layout) {
        Experiment.Builder b = Experiment.builder();
        if (t.id() != null || t.arn() != null || t.creationTime() != null || t.lastUpdateTime() != null
                || t.targetAccountConfigurationsCount() != null) {
            TemplateMetadata.Builder m = TemplateMetadata.builder();
            if (t.id() != null) {
                m.id(t.id());
            }
            if (t.arn() != null) {
                m.arn(t.arn());
            }
            if (t.creationTime() != null) {
                m.creationTime(t.creationTime());
            }
            if (t.lastUpdateTime() != null) {
                m.lastUpdateTime(t.lastUpdateTime());
            }
            if (t.targetAccountConfigurationsCount() != null) {
                m.targetAccountConfigurationsCount(t.targetAccountConfigurationsCount());
            }
            b.metadata(m.build());
        }
        if (t.description() != null) {
            b.description(t.description());
        }
        if (t.hasTargets()) {
            keep(layout, t.targets().isEmpty(), FieldLocation.of(CollectionField.TARGETS));
            t.targets().forEach((name, target) -> b.putTarget(name, target(name, target, layout)));
        }
        if (t.hasActions()) {
            keep(layout, t.actions().isEmpty(), FieldLocation.of(CollectionField.ACTIONS));
            t.actions().forEach((name, action) -> b.putAction(name, action(name, action, layout)));
        }
        if (t.hasStopConditions()) {
            keep(layout, t.stopConditions().isEmpty(), FieldLocation.of(CollectionField.STOP_CONDITIONS));
            for (ExperimentTemplateStopCondition s : t.stopConditions()) {
                StopCondition.Builder sb = StopCondition.builder();
                if (s.source() != null) {
                    sb.source(s.source());
                }
                if (s.value() != null) {
                    sb.value(s.value());
                }
                b.addStopCondition(sb.build());
            }
        }
        if (t.roleArn() != null) {
            b.roleArn(t.roleArn());
        }
        if (t.hasTags()) {
            keep(layout, t.tags().isEmpty(), FieldLocation.of(CollectionField.TAGS));
            b.tags(t.tags());
        }
        if (t.logConfiguration() != null) {
            b.logConfiguration(log(t.logConfiguration()));
        }
        if (t.experimentOptions() != null) {
            b.experimentOptions(options(t.experimentOptions(), violations));
        }
        if (t.experimentReportConfiguration() != null) {
            b.experimentReportConfiguration(report(t.experimentReportConfiguration(), layout));
        }
        return b.build();
    }

    /** Records a collection the answer held when it is empty. */
    private static void keep(SourceLayout.Builder layout, boolean empty, FieldLocation location) {
        if (empty) {
            layout.keepEmpty(location);
        }
    }

    private static TemplateTarget target(String name, ExperimentTemplateTarget t, SourceLayout.Builder layout) {
        TemplateTarget.Builder b = TemplateTarget.builder();
        if (t.resourceType() != null) {
            b.resourceType(t.resourceType());
        }
        if (t.hasResourceArns()) {
            keep(layout, t.resourceArns().isEmpty(), FieldLocation.of(CollectionField.TARGET_RESOURCE_ARNS, name));
            b.resourceArns(t.resourceArns());
        }
        if (t.hasResourceTags()) {
            keep(layout, t.resourceTags().isEmpty(), FieldLocation.of(CollectionField.TARGET_RESOURCE_TAGS, name));
            b.resourceTags(t.resourceTags());
        }
        if (t.hasFilters()) {
            keep(layout, t.filters().isEmpty(), FieldLocation.of(CollectionField.TARGET_FILTERS, name));
            List<ExperimentTemplateTargetFilter> filters = t.filters();
            for (int i = 0; i < filters.size(); i++) {
                ExperimentTemplateTargetFilter f = filters.get(i);
                Filter.Builder fb = Filter.builder();
                if (f.path() != null) {
                    fb.path(f.path());
                }
                if (f.hasValues()) {
                    keep(layout, f.values().isEmpty(), FieldLocation.filterValues(name, i));
                    fb.values(f.values());
                }
                b.addFilter(fb.build());
            }
        }
        if (t.selectionMode() != null) {
            b.selectionMode(SelectionMode.of(t.selectionMode()));
        }
        if (t.hasParameters()) {
            keep(layout, t.parameters().isEmpty(), FieldLocation.of(CollectionField.TARGET_PARAMETERS, name));
            b.parameters(t.parameters());
        }
        return b.build();
    }

    private static Action action(String name, ExperimentTemplateAction a, SourceLayout.Builder layout) {
        Action.Builder b = Action.builder();
        if (a.actionId() != null) {
            b.actionId(a.actionId());
        }
        if (a.description() != null) {
            b.description(a.description());
        }
        if (a.hasParameters()) {
            keep(layout, a.parameters().isEmpty(), FieldLocation.of(CollectionField.ACTION_PARAMETERS, name));
            b.parameters(a.parameters());
        }
        if (a.hasTargets()) {
            keep(layout, a.targets().isEmpty(), FieldLocation.of(CollectionField.ACTION_TARGETS, name));
            b.targets(a.targets());
        }
        if (a.hasStartAfter()) {
            keep(layout, a.startAfter().isEmpty(), FieldLocation.of(CollectionField.ACTION_START_AFTER, name));
            b.startAfter(a.startAfter());
        }
        return b.build();
    }

    private static LogConfiguration log(ExperimentTemplateLogConfiguration l) {
        LogConfiguration.Builder b = LogConfiguration.builder();
        if (l.logSchemaVersion() != null) {
            b.logSchemaVersion(l.logSchemaVersion());
        }
        if (l.cloudWatchLogsConfiguration() != null) {
            CloudWatchLogsConfiguration.Builder c = CloudWatchLogsConfiguration.builder();
            if (l.cloudWatchLogsConfiguration().logGroupArn() != null) {
                c.logGroupArn(l.cloudWatchLogsConfiguration().logGroupArn());
            }
            b.cloudWatchLogsConfiguration(c.build());
        }
        if (l.s3Configuration() != null) {
            b.s3Configuration(s3(l.s3Configuration().bucketName(), l.s3Configuration().prefix()));
        }
        return b.build();
    }

    private static S3Configuration s3(String bucket, String prefix) {
        S3Configuration.Builder b = S3Configuration.builder();
        if (bucket != null) {
            b.bucketName(bucket);
        }
        if (prefix != null) {
            b.prefix(prefix);
        }
        return b.build();
    }

    private static ExperimentOptions options(ExperimentTemplateExperimentOptions o, List<Violation> violations) {
        ExperimentOptions.Builder b = ExperimentOptions.builder();
        String targeting = o.accountTargetingAsString();
        if (targeting != null) {
            AccountTargeting value = AccountTargeting.fromWireName(targeting);
            if (value == null) {
                violations.add(Violation.error(ViolationCode.TEMPLATE_VALUE_UNKNOWN, JsonPointer.append("/experimentOptions", "accountTargeting"),
                        "Unknown accountTargeting '" + targeting + "'; it was left out.",
                        "Use single-account or multi-account."));
            } else {
                b.accountTargeting(value);
            }
        }
        String mode = o.emptyTargetResolutionModeAsString();
        if (mode != null) {
            EmptyTargetResolutionMode value = EmptyTargetResolutionMode.fromWireName(mode);
            if (value == null) {
                violations.add(Violation.error(ViolationCode.TEMPLATE_VALUE_UNKNOWN,
                        JsonPointer.append("/experimentOptions", "emptyTargetResolutionMode"),
                        "Unknown emptyTargetResolutionMode '" + mode + "'; it was left out.", "Use fail or skip."));
            } else {
                b.emptyTargetResolutionMode(value);
            }
        }
        return b.build();
    }

    private static ReportConfiguration report(ExperimentTemplateReportConfiguration r, SourceLayout.Builder layout) {
        ReportConfiguration.Builder b = ReportConfiguration.builder();
        if (r.outputs() != null) {
            if (r.outputs().s3Configuration() != null) {
                b.s3Configuration(s3(r.outputs().s3Configuration().bucketName(), r.outputs().s3Configuration().prefix()));
            } else {
                layout.keepEmpty(FieldLocation.of(CollectionField.REPORT_OUTPUTS));
            }
        }
        if (r.dataSources() != null) {
            if (r.dataSources().hasCloudWatchDashboards()) {
                keep(layout, r.dataSources().cloudWatchDashboards().isEmpty(),
                        FieldLocation.of(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS));
                for (ExperimentTemplateReportConfigurationCloudWatchDashboard d : r.dataSources().cloudWatchDashboards()) {
                    b.addCloudWatchDashboard(d.dashboardIdentifier() == null ? "" : d.dashboardIdentifier());
                }
            } else {
                layout.keepEmpty(FieldLocation.of(CollectionField.REPORT_DATA_SOURCES));
            }
        }
        if (r.preExperimentDuration() != null) {
            b.preExperimentDuration(r.preExperimentDuration());
        }
        if (r.postExperimentDuration() != null) {
            b.postExperimentDuration(r.postExperimentDuration());
        }
        return b.build();
    }
}
