package dev.faultline.aws.internal;

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
import java.util.Map;
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
 * Collections the answer held but empty are recorded in {@code keptEmpty}; enum values this
 * model does not know become {@code enum} violations.
 */
public final class SdkTemplates {

    private SdkTemplates() {}

    /**
     * Reads an SDK template.
     *
     * @param t the template
     * @param violations where problems are added
     * @return the experiment
     */
    public static Experiment read(ExperimentTemplate t, List<Violation> violations) {
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
            keep(b, t.targets(), "targets");
            t.targets().forEach((name, target) -> b.putTarget(name, target(target)));
        }
        if (t.hasActions()) {
            keep(b, t.actions(), "actions");
            t.actions().forEach((name, action) -> b.putAction(name, action(action)));
        }
        if (t.hasStopConditions()) {
            if (t.stopConditions().isEmpty()) {
                b.addKeptEmpty("stopConditions");
            }
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
            keep(b, t.tags(), "tags");
            b.tags(t.tags());
        }
        if (t.logConfiguration() != null) {
            b.logConfiguration(log(t.logConfiguration()));
        }
        if (t.experimentOptions() != null) {
            b.experimentOptions(options(t.experimentOptions(), violations));
        }
        if (t.experimentReportConfiguration() != null) {
            b.experimentReportConfiguration(report(t.experimentReportConfiguration()));
        }
        return b.build();
    }

    private static void keep(Experiment.Builder b, Map<?, ?> map, String name) {
        if (map.isEmpty()) {
            b.addKeptEmpty(name);
        }
    }

    private static TemplateTarget target(ExperimentTemplateTarget t) {
        TemplateTarget.Builder b = TemplateTarget.builder();
        if (t.resourceType() != null) {
            b.resourceType(t.resourceType());
        }
        if (t.hasResourceArns()) {
            if (t.resourceArns().isEmpty()) {
                b.addKeptEmpty("resourceArns");
            }
            b.resourceArns(t.resourceArns());
        }
        if (t.hasResourceTags()) {
            if (t.resourceTags().isEmpty()) {
                b.addKeptEmpty("resourceTags");
            }
            b.resourceTags(t.resourceTags());
        }
        if (t.hasFilters()) {
            if (t.filters().isEmpty()) {
                b.addKeptEmpty("filters");
            }
            for (ExperimentTemplateTargetFilter f : t.filters()) {
                Filter.Builder fb = Filter.builder();
                if (f.path() != null) {
                    fb.path(f.path());
                }
                if (f.hasValues()) {
                    if (f.values().isEmpty()) {
                        fb.addKeptEmpty("values");
                    }
                    fb.values(f.values());
                }
                b.addFilter(fb.build());
            }
        }
        if (t.selectionMode() != null) {
            b.selectionMode(SelectionMode.of(t.selectionMode()));
        }
        if (t.hasParameters()) {
            if (t.parameters().isEmpty()) {
                b.addKeptEmpty("parameters");
            }
            b.parameters(t.parameters());
        }
        return b.build();
    }

    private static Action action(ExperimentTemplateAction a) {
        Action.Builder b = Action.builder();
        if (a.actionId() != null) {
            b.actionId(a.actionId());
        }
        if (a.description() != null) {
            b.description(a.description());
        }
        if (a.hasParameters()) {
            if (a.parameters().isEmpty()) {
                b.addKeptEmpty("parameters");
            }
            b.parameters(a.parameters());
        }
        if (a.hasTargets()) {
            if (a.targets().isEmpty()) {
                b.addKeptEmpty("targets");
            }
            b.targets(a.targets());
        }
        if (a.hasStartAfter()) {
            if (a.startAfter().isEmpty()) {
                b.addKeptEmpty("startAfter");
            }
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

    private static ReportConfiguration report(ExperimentTemplateReportConfiguration r) {
        ReportConfiguration.Builder b = ReportConfiguration.builder();
        if (r.outputs() != null) {
            if (r.outputs().s3Configuration() != null) {
                b.s3Configuration(s3(r.outputs().s3Configuration().bucketName(), r.outputs().s3Configuration().prefix()));
            } else {
                b.addKeptEmpty("outputs");
            }
        }
        if (r.dataSources() != null) {
            if (r.dataSources().hasCloudWatchDashboards()) {
                if (r.dataSources().cloudWatchDashboards().isEmpty()) {
                    b.addKeptEmpty("cloudWatchDashboards");
                }
                for (ExperimentTemplateReportConfigurationCloudWatchDashboard d : r.dataSources().cloudWatchDashboards()) {
                    b.addCloudWatchDashboard(d.dashboardIdentifier() == null ? "" : d.dashboardIdentifier());
                }
            } else {
                b.addKeptEmpty("dataSources");
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
