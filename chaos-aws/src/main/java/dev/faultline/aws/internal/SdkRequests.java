package dev.faultline.aws.internal;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateExperimentOptionsInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateLogConfigurationInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateReportConfigurationInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;
import software.amazon.awssdk.services.fis.model.CreateTargetAccountConfigurationRequest;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateCloudWatchLogsLogConfigurationInput;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateReportConfigurationDataSourcesInput;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateReportConfigurationOutputsInput;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateS3LogConfigurationInput;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTargetInputFilter;
import software.amazon.awssdk.services.fis.model.ReportConfigurationCloudWatchDashboardInput;
import software.amazon.awssdk.services.fis.model.ReportConfigurationS3OutputInput;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateActionInputItem;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateExperimentOptionsInput;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateLogConfigurationInput;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateReportConfigurationInput;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateTargetInput;

/**
 * Maps an experiment onto the SDK's request shapes. A collection is set on a builder when it
 * has elements or its {@link SourceLayout} says the source held it present but empty, so that
 * the wire JSON reproduces the source; an unset collection is left out by the SDK.
 */
public final class SdkRequests {

    private final SourceLayout layout;

    private SdkRequests(SourceLayout layout) {
        this.layout = layout;
    }

    /**
     * The CreateExperimentTemplate request for an experiment, without checks.
     *
     * @param e the experiment
     * @param clientToken the idempotency token, or null to let the SDK fill one in
     * @return the request
     */
    public static CreateExperimentTemplateRequest create(Experiment e, String clientToken) {
        return create(e, SourceLayout.NONE, clientToken);
    }

    /**
     * The CreateExperimentTemplate request for an experiment read from a source with this
     * layout, without checks: the source's empty collections are sent empty.
     *
     * @param e the experiment
     * @param layout the collections the source held present but empty
     * @param clientToken the idempotency token, or null to let the SDK fill one in
     * @return the request
     */
    public static CreateExperimentTemplateRequest create(Experiment e, SourceLayout layout, String clientToken) {
        return new SdkRequests(layout).createRequest(e, clientToken);
    }

    private CreateExperimentTemplateRequest createRequest(Experiment e, String clientToken) {
        CreateExperimentTemplateRequest.Builder b = CreateExperimentTemplateRequest.builder();
        if (clientToken != null) {
            b.clientToken(clientToken);
        }
        e.description().ifPresent(b::description);
        if (!e.targets().isEmpty() || layout.keptEmpty(CollectionField.TARGETS)) {
            b.targets(mapValues(e.targets(), this::createTarget));
        }
        if (!e.actions().isEmpty() || layout.keptEmpty(CollectionField.ACTIONS)) {
            b.actions(mapValues(e.actions(), this::createAction));
        }
        if (!e.stopConditions().isEmpty() || layout.keptEmpty(CollectionField.STOP_CONDITIONS)) {
            b.stopConditions(list(e.stopConditions(), s -> CreateExperimentTemplateStopConditionInput.builder()
                    .source(s.source().orElse(null)).value(s.value().orElse(null)).build()));
        }
        e.roleArn().ifPresent(b::roleArn);
        if (!e.tags().isEmpty() || layout.keptEmpty(CollectionField.TAGS)) {
            b.tags(e.tags());
        }
        e.logConfiguration().ifPresent(l -> b.logConfiguration(createLog(l)));
        e.experimentOptions().ifPresent(o -> b.experimentOptions(createOptions(o)));
        e.experimentReportConfiguration().ifPresent(r -> b.experimentReportConfiguration(createReport(r)));
        return b.build();
    }

    /**
     * The UpdateExperimentTemplate request: the template body without tags and without
     * account targeting, which cannot change after creation.
     *
     * @param templateId the template id
     * @param e the experiment
     * @return the request
     */
    public static UpdateExperimentTemplateRequest update(String templateId, Experiment e) {
        return update(templateId, e, SourceLayout.NONE);
    }

    /**
     * The UpdateExperimentTemplate request for an experiment read from a source with this
     * layout: the source's empty collections are sent empty.
     *
     * @param templateId the template id
     * @param e the experiment
     * @param layout the collections the source held present but empty
     * @return the request
     */
    public static UpdateExperimentTemplateRequest update(String templateId, Experiment e, SourceLayout layout) {
        return new SdkRequests(layout).updateRequest(templateId, e);
    }

    private UpdateExperimentTemplateRequest updateRequest(String templateId, Experiment e) {
        UpdateExperimentTemplateRequest.Builder b = UpdateExperimentTemplateRequest.builder().id(templateId);
        e.description().ifPresent(b::description);
        if (!e.targets().isEmpty() || layout.keptEmpty(CollectionField.TARGETS)) {
            b.targets(mapValues(e.targets(), this::updateTarget));
        }
        if (!e.actions().isEmpty() || layout.keptEmpty(CollectionField.ACTIONS)) {
            b.actions(mapValues(e.actions(), this::updateAction));
        }
        if (!e.stopConditions().isEmpty() || layout.keptEmpty(CollectionField.STOP_CONDITIONS)) {
            b.stopConditions(list(e.stopConditions(), s -> UpdateExperimentTemplateStopConditionInput.builder()
                    .source(s.source().orElse(null)).value(s.value().orElse(null)).build()));
        }
        e.roleArn().ifPresent(b::roleArn);
        e.logConfiguration().ifPresent(l -> b.logConfiguration(UpdateExperimentTemplateLogConfigurationInput.builder()
                .logSchemaVersion(l.logSchemaVersion().orElse(null))
                .cloudWatchLogsConfiguration(l.cloudWatchLogsConfiguration().map(c -> 
                        ExperimentTemplateCloudWatchLogsLogConfigurationInput.builder()
                                .logGroupArn(c.logGroupArn().orElse(null)).build()).orElse(null))
                .s3Configuration(l.s3Configuration().map(SdkRequests::logS3).orElse(null))
                .build()));
        e.experimentOptions().flatMap(ExperimentOptions::emptyTargetResolutionMode).ifPresent(m ->
                b.experimentOptions(UpdateExperimentTemplateExperimentOptionsInput.builder()
                        .emptyTargetResolutionMode(m.wireName()).build()));
        e.experimentReportConfiguration().ifPresent(r -> {
            CreateExperimentTemplateReportConfigurationInput c = createReport(r);
            b.experimentReportConfiguration(UpdateExperimentTemplateReportConfigurationInput.builder()
                    .outputs(c.outputs()).dataSources(c.dataSources())
                    .preExperimentDuration(c.preExperimentDuration())
                    .postExperimentDuration(c.postExperimentDuration()).build());
        });
        return b.build();
    }

    /**
     * One CreateTargetAccountConfiguration request per target account of the experiment.
     *
     * @param templateId the template id
     * @param e the experiment
     * @return the requests, in order
     */
    public static List<CreateTargetAccountConfigurationRequest> targetAccounts(String templateId, Experiment e) {
        List<CreateTargetAccountConfigurationRequest> out = new ArrayList<>();
        for (TargetAccountConfiguration a : e.targetAccountConfigurations()) {
            out.add(CreateTargetAccountConfigurationRequest.builder().experimentTemplateId(templateId)
                    .accountId(a.accountId().orElse(null)).roleArn(a.roleArn().orElse(null))
                    .description(a.description().orElse(null)).build());
        }
        return out;
    }

    private CreateExperimentTemplateTargetInput createTarget(String key, TemplateTarget t) {
        CreateExperimentTemplateTargetInput.Builder b = CreateExperimentTemplateTargetInput.builder();
        t.resourceType().ifPresent(b::resourceType);
        if (present(t.resourceArns(), CollectionField.TARGET_RESOURCE_ARNS, key)) {
            b.resourceArns(t.resourceArns());
        }
        if (present(t.resourceTags(), CollectionField.TARGET_RESOURCE_TAGS, key)) {
            b.resourceTags(t.resourceTags());
        }
        if (present(t.filters(), CollectionField.TARGET_FILTERS, key)) {
            List<ExperimentTemplateTargetInputFilter> filters = new ArrayList<>(t.filters().size());
            for (int i = 0; i < t.filters().size(); i++) {
                filters.add(filter(key, i, t.filters().get(i)));
            }
            b.filters(filters);
        }
        t.selectionMode().ifPresent(m -> b.selectionMode(m.text()));
        if (present(t.parameters(), CollectionField.TARGET_PARAMETERS, key)) {
            b.parameters(t.parameters());
        }
        return b.build();
    }

    private UpdateExperimentTemplateTargetInput updateTarget(String key, TemplateTarget t) {
        CreateExperimentTemplateTargetInput c = createTarget(key, t);
        UpdateExperimentTemplateTargetInput.Builder b = UpdateExperimentTemplateTargetInput.builder()
                .resourceType(c.resourceType()).selectionMode(c.selectionMode());
        if (c.hasResourceArns()) {
            b.resourceArns(c.resourceArns());
        }
        if (c.hasResourceTags()) {
            b.resourceTags(c.resourceTags());
        }
        if (c.hasFilters()) {
            b.filters(c.filters());
        }
        if (c.hasParameters()) {
            b.parameters(c.parameters());
        }
        return b.build();
    }

    private ExperimentTemplateTargetInputFilter filter(String target, int index, Filter f) {
        ExperimentTemplateTargetInputFilter.Builder b = ExperimentTemplateTargetInputFilter.builder();
        f.path().ifPresent(b::path);
        if (!f.values().isEmpty() || layout.filterValuesKeptEmpty(target, index)) {
            b.values(f.values());
        }
        return b.build();
    }

    private CreateExperimentTemplateActionInput createAction(String key, Action a) {
        CreateExperimentTemplateActionInput.Builder b = CreateExperimentTemplateActionInput.builder();
        a.actionId().ifPresent(b::actionId);
        a.description().ifPresent(b::description);
        if (present(a.parameters(), CollectionField.ACTION_PARAMETERS, key)) {
            b.parameters(a.parameters());
        }
        if (present(a.targets(), CollectionField.ACTION_TARGETS, key)) {
            b.targets(a.targets());
        }
        if (present(a.startAfter(), CollectionField.ACTION_START_AFTER, key)) {
            b.startAfter(a.startAfter());
        }
        return b.build();
    }

    private UpdateExperimentTemplateActionInputItem updateAction(String key, Action a) {
        CreateExperimentTemplateActionInput c = createAction(key, a);
        UpdateExperimentTemplateActionInputItem.Builder b = UpdateExperimentTemplateActionInputItem.builder()
                .actionId(c.actionId()).description(c.description());
        if (c.hasParameters()) {
            b.parameters(c.parameters());
        }
        if (c.hasTargets()) {
            b.targets(c.targets());
        }
        if (c.hasStartAfter()) {
            b.startAfter(c.startAfter());
        }
        return b.build();
    }

    private static CreateExperimentTemplateLogConfigurationInput createLog(LogConfiguration l) {
        return CreateExperimentTemplateLogConfigurationInput.builder()
                .logSchemaVersion(l.logSchemaVersion().orElse(null))
                .cloudWatchLogsConfiguration(l.cloudWatchLogsConfiguration().map(c ->
                        ExperimentTemplateCloudWatchLogsLogConfigurationInput.builder()
                                .logGroupArn(c.logGroupArn().orElse(null)).build()).orElse(null))
                .s3Configuration(l.s3Configuration().map(SdkRequests::logS3).orElse(null))
                .build();
    }

    private static ExperimentTemplateS3LogConfigurationInput logS3(S3Configuration s) {
        return ExperimentTemplateS3LogConfigurationInput.builder()
                .bucketName(s.bucketName().orElse(null)).prefix(s.prefix().orElse(null)).build();
    }

    private static CreateExperimentTemplateExperimentOptionsInput createOptions(ExperimentOptions o) {
        CreateExperimentTemplateExperimentOptionsInput.Builder b = CreateExperimentTemplateExperimentOptionsInput.builder();
        o.accountTargeting().ifPresent(a -> b.accountTargeting(a.wireName()));
        o.emptyTargetResolutionMode().ifPresent(m -> b.emptyTargetResolutionMode(m.wireName()));
        return b.build();
    }

    private CreateExperimentTemplateReportConfigurationInput createReport(ReportConfiguration r) {
        CreateExperimentTemplateReportConfigurationInput.Builder b =
                CreateExperimentTemplateReportConfigurationInput.builder();
        if (r.s3Configuration().isPresent() || layout.keptEmpty(CollectionField.REPORT_OUTPUTS)) {
            b.outputs(ExperimentTemplateReportConfigurationOutputsInput.builder()
                    .s3Configuration(r.s3Configuration().map(s -> ReportConfigurationS3OutputInput.builder()
                            .bucketName(s.bucketName().orElse(null)).prefix(s.prefix().orElse(null)).build())
                            .orElse(null))
                    .build());
        }
        boolean dashboards = !r.cloudWatchDashboards().isEmpty()
                || layout.keptEmpty(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS);
        if (dashboards || layout.keptEmpty(CollectionField.REPORT_DATA_SOURCES)) {
            ExperimentTemplateReportConfigurationDataSourcesInput.Builder d =
                    ExperimentTemplateReportConfigurationDataSourcesInput.builder();
            if (dashboards) {
                d.cloudWatchDashboards(list(r.cloudWatchDashboards(), id ->
                        ReportConfigurationCloudWatchDashboardInput.builder().dashboardIdentifier(id).build()));
            }
            b.dataSources(d.build());
        }
        r.preExperimentDuration().ifPresent(b::preExperimentDuration);
        r.postExperimentDuration().ifPresent(b::postExperimentDuration);
        return b.build();
    }

    /** Whether a target's or action's map is sent: it has entries or the source held it empty. */
    private boolean present(Map<?, ?> map, CollectionField field, String key) {
        return !map.isEmpty() || layout.keptEmpty(field, key);
    }

    /** Whether a target's or action's list is sent: it has elements or the source held it empty. */
    private boolean present(List<?> list, CollectionField field, String key) {
        return !list.isEmpty() || layout.keptEmpty(field, key);
    }

    private static <A, B> Map<String, B> mapValues(Map<String, A> in, BiFunction<String, A, B> f) {
        Map<String, B> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, f.apply(k, v)));
        return out;
    }

    private static <A, B> List<B> list(List<A> in, Function<A, B> f) {
        List<B> out = new ArrayList<>(in.size());
        in.forEach(v -> out.add(f.apply(v)));
        return out;
    }
}
