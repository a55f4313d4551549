package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an experiment as FIS template JSON through a streaming generator. A collection is
 * written when it has elements or its {@link SourceLayout} says the source held it present but
 * empty; otherwise it is left out.
 */
final class TemplateWriter {

    private final JsonGenerator g;
    private final SourceLayout layout;

    private TemplateWriter(JsonGenerator generator, SourceLayout layout) {
        this.g = generator;
        this.layout = layout;
    }

    static void write(Experiment e, SourceLayout layout, JsonGenerator generator) throws IOException {
        new TemplateWriter(generator, layout).experiment(e);
    }

    private void experiment(Experiment e) throws IOException {
        g.writeStartObject();
        if (e.metadata().isPresent()) {
            metadata(e.metadata().get());
        }
        string("name", e.name());
        string("description", e.description());
        if (!e.targets().isEmpty() || layout.keptEmpty(CollectionField.TARGETS)) {
            g.writeObjectFieldStart("targets");
            for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
                g.writeFieldName(entry.getKey());
                target(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
        }
        if (!e.actions().isEmpty() || layout.keptEmpty(CollectionField.ACTIONS)) {
            g.writeObjectFieldStart("actions");
            for (Map.Entry<String, Action> entry : e.actions().entrySet()) {
                g.writeFieldName(entry.getKey());
                action(entry.getKey(), entry.getValue());
            }
            g.writeEndObject();
        }
        if (!e.stopConditions().isEmpty() || layout.keptEmpty(CollectionField.STOP_CONDITIONS)) {
            g.writeArrayFieldStart("stopConditions");
            for (StopCondition s : e.stopConditions()) {
                g.writeStartObject();
                string("source", s.source());
                string("value", s.value());
                if (!s.metricAlarms().isEmpty()) {
                    metricAlarms(s.metricAlarms());
                }
                string("compositeAlarmName", s.compositeAlarmName());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        string("roleArn", e.roleArn());
        stringMap("tags", e.tags(), !e.tags().isEmpty() || layout.keptEmpty(CollectionField.TAGS));
        if (e.logConfiguration().isPresent()) {
            log(e.logConfiguration().get());
        }
        if (e.experimentOptions().isPresent()) {
            options(e.experimentOptions().get());
        }
        if (e.experimentReportConfiguration().isPresent()) {
            report(e.experimentReportConfiguration().get());
        }
        if (!e.targetAccountConfigurations().isEmpty() || layout.keptEmpty(CollectionField.TARGET_ACCOUNT_CONFIGURATIONS)) {
            g.writeArrayFieldStart("targetAccountConfigurations");
            for (TargetAccountConfiguration a : e.targetAccountConfigurations()) {
                g.writeStartObject();
                string("accountId", a.accountId());
                string("roleArn", a.roleArn());
                string("description", a.description());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (e.hypothesis().isPresent()) {
            hypothesis(e.hypothesis().get());
        }
        g.writeEndObject();
    }

    private void metadata(TemplateMetadata m) throws IOException {
        string("id", m.id());
        string("arn", m.arn());
        string("clientToken", m.clientToken());
        instant("creationTime", m.creationTime());
        instant("lastUpdateTime", m.lastUpdateTime());
        if (m.targetAccountConfigurationsCount().isPresent()) {
            g.writeNumberField("targetAccountConfigurationsCount", m.targetAccountConfigurationsCount().get());
        }
    }

    private void target(String key, TemplateTarget t) throws IOException {
        g.writeStartObject();
        string("resourceType", t.resourceType());
        stringList("resourceArns", t.resourceArns(), present(t.resourceArns(), CollectionField.TARGET_RESOURCE_ARNS, key));
        stringMap("resourceTags", t.resourceTags(), present(t.resourceTags(), CollectionField.TARGET_RESOURCE_TAGS, key));
        if (!t.filters().isEmpty() || layout.keptEmpty(CollectionField.TARGET_FILTERS, key)) {
            g.writeArrayFieldStart("filters");
            List<Filter> filters = t.filters();
            for (int i = 0; i < filters.size(); i++) {
                Filter f = filters.get(i);
                g.writeStartObject();
                string("path", f.path());
                stringList("values", f.values(), !f.values().isEmpty() || layout.filterValuesKeptEmpty(key, i));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (t.selectionMode().isPresent()) {
            g.writeStringField("selectionMode", t.selectionMode().get().text());
        }
        stringMap("parameters", t.parameters(), present(t.parameters(), CollectionField.TARGET_PARAMETERS, key));
        g.writeEndObject();
    }

    private void action(String key, Action a) throws IOException {
        g.writeStartObject();
        string("actionId", a.actionId());
        string("description", a.description());
        stringMap("parameters", a.parameters(), present(a.parameters(), CollectionField.ACTION_PARAMETERS, key));
        stringMap("targets", a.targets(), present(a.targets(), CollectionField.ACTION_TARGETS, key));
        stringList("startAfter", a.startAfter(), present(a.startAfter(), CollectionField.ACTION_START_AFTER, key));
        g.writeEndObject();
    }

    private void log(LogConfiguration l) throws IOException {
        g.writeObjectFieldStart("logConfiguration");
        if (l.logSchemaVersion().isPresent()) {
            g.writeNumberField("logSchemaVersion", l.logSchemaVersion().get());
        }
        if (l.cloudWatchLogsConfiguration().isPresent()) {
            g.writeObjectFieldStart("cloudWatchLogsConfiguration");
            string("logGroupArn", l.cloudWatchLogsConfiguration().get().logGroupArn());
            g.writeEndObject();
        }
        if (l.s3Configuration().isPresent()) {
            s3(l.s3Configuration().get());
        }
        g.writeEndObject();
    }

    private void s3(S3Configuration s) throws IOException {
        g.writeObjectFieldStart("s3Configuration");
        string("bucketName", s.bucketName());
        string("prefix", s.prefix());
        g.writeEndObject();
    }

    private void options(ExperimentOptions o) throws IOException {
        g.writeObjectFieldStart("experimentOptions");
        if (o.accountTargeting().isPresent()) {
            g.writeStringField("accountTargeting", o.accountTargeting().get().wireName());
        }
        if (o.emptyTargetResolutionMode().isPresent()) {
            g.writeStringField("emptyTargetResolutionMode", o.emptyTargetResolutionMode().get().wireName());
        }
        g.writeEndObject();
    }

    private void report(ReportConfiguration r) throws IOException {
        g.writeObjectFieldStart("experimentReportConfiguration");
        if (r.s3Configuration().isPresent() || layout.keptEmpty(CollectionField.REPORT_OUTPUTS)) {
            g.writeObjectFieldStart("outputs");
            if (r.s3Configuration().isPresent()) {
                s3(r.s3Configuration().get());
            }
            g.writeEndObject();
        }
        boolean dashboards = !r.cloudWatchDashboards().isEmpty()
                || layout.keptEmpty(CollectionField.REPORT_CLOUD_WATCH_DASHBOARDS);
        if (dashboards || layout.keptEmpty(CollectionField.REPORT_DATA_SOURCES)) {
            g.writeObjectFieldStart("dataSources");
            if (dashboards) {
                g.writeArrayFieldStart("cloudWatchDashboards");
                for (String dashboard : r.cloudWatchDashboards()) {
                    g.writeStartObject();
                    g.writeStringField("dashboardIdentifier", dashboard);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        string("preExperimentDuration", r.preExperimentDuration());
        string("postExperimentDuration", r.postExperimentDuration());
        g.writeEndObject();
    }

    private void metricAlarms(List<MetricAlarm> alarms) throws IOException {
        g.writeArrayFieldStart("metricAlarms");
        for (MetricAlarm a : alarms) {
            g.writeStartObject();
            g.writeStringField("name", a.name());
            g.writeStringField("namespace", a.namespace());
            g.writeStringField("metricName", a.metricName());
            if (!a.dimensions().isEmpty()) {
                stringMap("dimensions", a.dimensions(), true);
            }
            g.writeStringField("statistic", a.statistic());
            g.writeStringField("period", a.period().toString());
            g.writeNumberField("evaluationPeriods", a.evaluationPeriods());
            if (a.datapointsToAlarm().isPresent()) {
                g.writeNumberField("datapointsToAlarm", a.datapointsToAlarm().get());
            }
            g.writeStringField("comparison", a.comparison().name());
            number("threshold", a.threshold());
            g.writeStringField("treatMissingData", a.treatMissingData());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void hypothesis(Hypothesis h) throws IOException {
        g.writeObjectFieldStart("hypothesis");
        string("description", h.description());
        if (h.recoveryWindow().isPresent()) {
            g.writeStringField("recoveryWindow", h.recoveryWindow().get().toString());
        }
        g.writeArrayFieldStart("conditions");
        for (SteadyStateCondition c : h.conditions()) {
            g.writeStartObject();
            string("name", c.name());
            string("namespace", c.namespace());
            string("metricName", c.metricName());
            if (!c.dimensions().isEmpty()) {
                stringMap("dimensions", c.dimensions(), true);
            }
            string("statistic", c.statistic());
            g.writeStringField("period", c.period().toString());
            if (c.comparison().isPresent()) {
                g.writeStringField("comparison", c.comparison().get().name());
            }
            if (c.threshold().isPresent()) {
                number("threshold", c.threshold().get());
            }
            g.writeArrayFieldStart("phases");
            for (CheckPhase phase : c.phases()) {
                g.writeString(phase.wireName());
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Whether a target's or action's map is written: it has entries or the source held it empty. */
    private boolean present(Map<?, ?> map, CollectionField field, String key) {
        return !map.isEmpty() || layout.keptEmpty(field, key);
    }

    /** Whether a target's or action's list is written: it has elements or the source held it empty. */
    private boolean present(List<?> list, CollectionField field, String key) {
        return !list.isEmpty() || layout.keptEmpty(field, key);
    }

    private void string(String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            g.writeStringField(name, value.get());
        }
    }

    private void number(String name, double value) throws IOException {
        boolean negativeZero = Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero) {
            g.writeNumberField(name, (long) value);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private void instant(String name, Optional<Instant> value) throws IOException {
        if (value.isPresent()) {
            Instant t = value.get();
            if (t.getNano() == 0) {
                g.writeNumberField(name, t.getEpochSecond());
            } else {
                g.writeNumberField(name, BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)));
            }
        }
    }

    private void stringMap(String name, Map<String, String> map, boolean present) throws IOException {
        if (!present) {
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeStringField(entry.getKey(), entry.getValue());
        }
        g.writeEndObject();
    }

    private void stringList(String name, List<String> list, boolean present) throws IOException {
        if (!present) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String value : list) {
            g.writeString(value);
        }
        g.writeEndArray();
    }
}
