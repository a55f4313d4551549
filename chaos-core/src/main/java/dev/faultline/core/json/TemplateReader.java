package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A one-shot streaming reader of one template: it walks the JSON tokens into the model's
 * builders and records every problem as a violation instead of throwing. The template, its
 * targets, actions and stop conditions are read here; logging, options, report, accounts and the
 * hypothesis by {@link SettingsReader}; tokens by {@link JsonInput}.
 *
 * <p>The builders of the repeated objects are {@link RecycledBuilders}, kept per thread from one
 * read to the next. Collections go into the builders; the builder's collection is cleared first, so
 * that of a repeated field the last value wins, and a collection present but empty is
 * recorded in the {@link SourceLayout} (by its {@link FieldLocation}), so that writing gives it
 * back; an element or section read again forgets what its earlier value recorded.
 */
final class TemplateReader {

    private final JsonInput in;
    private final JsonParser p;
    private SettingsReader settings;
    private String prefix = "";
    private MetadataReader meta;
    /** The source layout, made on the first collection present but empty. */
    private SourceLayout.Builder layout;
    /** The number of filters of the target being read, for the index of the next one. */
    private int filters;
    /** The builders of the template's repeated objects, lent for this read. */
    private final RecycledBuilders builders = RecycledBuilders.take();
    /** The most entries any collection of this read held. */
    private int largestCollection;
    /** The element readers, made once per read rather than at every collection. */
    private final JsonInput.KeyedReader<TemplateTarget> readTarget = this::readTarget;
    private final JsonInput.KeyedReader<Action> readAction = this::readAction;
    private final JsonInput.ElementReader<StopCondition> readStopCondition = this::readStopCondition;

    private TemplateReader(JsonParser parser) {
        this.in = new JsonInput(parser);
        this.p = parser;
    }

    static ReadResult read(JsonParser parser) {
        return new TemplateReader(parser).run();
    }

    private ReadResult run() {
        Experiment experiment = null;
        List<Violation> violations = in.violations;
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                violations.add(Violation.error(ViolationCode.JSON_DOCUMENT_FORMAT, "", "The document is empty.",
                        "Provide an experiment template as a JSON object."));
            } else if (t != JsonToken.START_OBJECT) {
                violations.add(in.typeError(JsonPointer.ROOT, "a JSON object (the experiment template)", t));
            } else {
                experiment = readTop();
                if (p.nextToken() != null) {
                    violations.add(Violation.error(ViolationCode.JSON_DOCUMENT_FORMAT, "",
                            "Unexpected content after the template at " + where(p.currentLocation()) + ".",
                            "Remove what follows the closing brace."));
                }
            }
        } catch (SizeLimit.Exceeded e) {
            experiment = null;
            violations.clear();
            violations.add(SizeLimit.violation(-1, e.max, e.unit));
        } catch (JsonProcessingException e) {
            experiment = null;
            violations.add(Violation.error(ViolationCode.JSON_DOCUMENT_FORMAT, "",
                    "Malformed JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage(),
                    "Fix the JSON syntax at that line and column."));
        } catch (IOException e) {
            experiment = null;
            violations.add(Violation.error(ViolationCode.JSON_READ_FAILED, "", "The template could not be read: " + e.getMessage(), null));
        } catch (RuntimeException e) {
            experiment = null;
            violations.add(Violation.error(ViolationCode.JSON_READER_FAILED, "",
                    "The reader failed on this input (" + e + "); please report it.", null));
        }
        builders.giveBack(largestCollection, experiment != null);
        SourceLayout kept = experiment == null || layout == null ? SourceLayout.NONE : layout.build();
        return new ReadResult(experiment, kept, ValidationResult.of(violations), experiment == null ? "" : prefix,
                in.skipped);
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Reads the top object, which may be the GetExperimentTemplate wrapper. */
    private Experiment readTop() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME && "experimentTemplate".equals(p.currentName())) {
            JsonPointer at = JsonPointer.ROOT.child("experimentTemplate");
            p.nextToken();
            if (!in.expectObject(at)) {
                in.fields(JsonPointer.ROOT, List.of("experimentTemplate"), (name, index, ignored) -> p.skipChildren());
                return Experiment.builder().build();
            }
            prefix = at.toString();
            Experiment e = readTemplate(at, p.nextToken());
            in.fields(JsonPointer.ROOT, List.of("experimentTemplate"), (name, index, again) -> p.skipChildren());
            return e;
        }
        return readTemplate(JsonPointer.ROOT, t);
    }

    private Experiment readTemplate(JsonPointer path, JsonToken first) throws IOException {
        Experiment.Builder b = builders.experiment;
        FieldWalk walk = in.fields(path, Fields.TEMPLATE, first);
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            switch (index) {
                case Fields.TEMPLATE_NAME:
                    b.name(Optional.ofNullable(walk.string()));
                    break;
                case Fields.TEMPLATE_DESCRIPTION:
                    b.description(Optional.ofNullable(walk.string()));
                    break;
                case Fields.TEMPLATE_ROLE_ARN:
                    b.roleArn(Optional.ofNullable(walk.string()));
                    break;
                case Fields.TEMPLATE_TARGETS:
                    b.targets(Map.of());
                    forget(CollectionField.Owner.TARGET, null);
                    keepEmpty(in.objectMap(walk.at(), readTarget, b::putTarget), CollectionField.TARGETS);
                    break;
                case Fields.TEMPLATE_ACTIONS:
                    b.actions(Map.of());
                    forget(CollectionField.Owner.ACTION, null);
                    keepEmpty(in.objectMap(walk.at(), readAction, b::putAction), CollectionField.ACTIONS);
                    break;
                case Fields.TEMPLATE_STOP_CONDITIONS:
                    b.stopConditions(List.of());
                    keepEmpty(in.objectList(walk.at(), readStopCondition, b::addStopCondition),
                            CollectionField.STOP_CONDITIONS);
                    break;
                case Fields.TEMPLATE_TAGS:
                    int tags = in.stringMap(walk.at());
                    b.tags(Map.of());
                    for (int i = 0; i < tags; i++) {
                        b.putTag(in.key(i), in.value(i));
                    }
                    keepEmpty(tags, CollectionField.TAGS);
                    break;
                default: // a setting or a metadata field
                    readSetting(b, walk.name(), walk.at());
                    break;
            }
        }
        if (meta != null) {
            b.metadata(meta.build());
        }
        return builders.built(b);
    }

    /** Reads a template field that most templates do not have: a setting or a metadata field. */
    private void readSetting(Experiment.Builder b, String name, JsonPointer at) throws IOException {
        switch (name) {
            case "logConfiguration":
                if (in.expectObject(at)) {
                    b.logConfiguration(settings().readLog(at));
                }
                break;
            case "experimentOptions":
                if (in.expectObject(at)) {
                    b.experimentOptions(settings().readOptions(at));
                }
                break;
            case "experimentReportConfiguration":
                if (in.expectObject(at)) {
                    forget(CollectionField.Owner.REPORT, null);
                    b.experimentReportConfiguration(settings().readReport(at));
                }
                break;
            case "targetAccountConfigurations":
                b.targetAccountConfigurations(List.of());
                keepEmpty(in.objectList(at, settings()::readAccount, b::addTargetAccountConfiguration),
                        CollectionField.TARGET_ACCOUNT_CONFIGURATIONS);
                break;
            case "hypothesis":
                if (in.expectObject(at)) {
                    b.hypothesis(settings().readHypothesis(at));
                }
                break;
            default:
                if (meta == null) {
                    meta = new MetadataReader(in); // only for a template with metadata
                }
                meta.read(name, at);
                break;
        }
    }

    /** The reader of the settings, made for a template that has any. */
    private SettingsReader settings() {
        if (settings == null) {
            settings = new SettingsReader(in, this::layout);
        }
        return settings;
    }

    /** The source layout, made on first use; the settings reader records the report's empty collections in it. */
    SourceLayout.Builder layout() {
        if (layout == null) {
            layout = SourceLayout.builder();
        }
        return layout;
    }

    /** Notes the size of a collection read (-1 when it was not one), for {@link RecycledBuilders#giveBack(int, boolean)}. */
    private int counted(int kept) {
        largestCollection = Math.max(largestCollection, kept);
        return kept;
    }

    /** Records a template field that was present but held nothing (an empty {@code {}} or {@code []}). */
    private void keepEmpty(int kept, CollectionField field) {
        if (counted(kept) == 0) {
            layout().keepEmpty(FieldLocation.of(field));
        }
    }

    /** Records a field of a target or action that was present but held nothing. */
    private void keepEmpty(int kept, CollectionField field, String element) {
        if (counted(kept) == 0) {
            layout().keepEmpty(FieldLocation.of(field, element));
        }
    }

    /** Forgets the layout recorded under an element (all of its kind for a null key) that is read again. */
    private void forget(CollectionField.Owner kind, String element) {
        if (layout != null) {
            layout.forget(kind, element);
        }
    }

    private TemplateTarget readTarget(String key, JsonPointer path) throws IOException {
        TemplateTarget.Builder b = builders.target;
        forget(CollectionField.Owner.TARGET, key);
        FieldWalk walk = in.fields(path, Fields.TARGET);
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            switch (index) {
                case Fields.TARGET_RESOURCE_TYPE:
                    b.resourceType(Optional.ofNullable(walk.vocabulary()));
                    break;
                case Fields.TARGET_RESOURCE_ARNS:
                    int arns = in.stringList(walk.at());
                    b.resourceArns(List.of());
                    for (int i = 0; i < arns; i++) {
                        b.addResourceArn(in.element(i));
                    }
                    keepEmpty(arns, CollectionField.TARGET_RESOURCE_ARNS, key);
                    break;
                case Fields.TARGET_RESOURCE_TAGS:
                    int tags = in.stringMap(walk.at());
                    b.resourceTags(Map.of());
                    for (int i = 0; i < tags; i++) {
                        b.putResourceTag(in.key(i), in.value(i));
                    }
                    keepEmpty(tags, CollectionField.TARGET_RESOURCE_TAGS, key);
                    break;
                case Fields.TARGET_FILTERS:
                    b.filters(List.of());
                    if (layout != null) {
                        layout.forgetFilters(key);
                    }
                    filters = 0;
                    keepEmpty(in.objectList(walk.at(), f -> readFilter(key, f), b::addFilter),
                            CollectionField.TARGET_FILTERS, key);
                    break;
                case Fields.TARGET_SELECTION_MODE:
                    String mode = walk.vocabulary(); // ALL, COUNT(n), PERCENT(n): a few texts
                    if (mode != null) {
                        b.selectionMode(SelectionMode.of(mode));
                    }
                    break;
                case Fields.TARGET_PARAMETERS:
                default:
                    int parameters = in.stringMap(walk.at());
                    b.parameters(Map.of());
                    for (int i = 0; i < parameters; i++) {
                        b.putParameter(in.key(i), in.value(i));
                    }
                    keepEmpty(parameters, CollectionField.TARGET_PARAMETERS, key);
                    break;
            }
        }
        return builders.built(b);
    }

    private Filter readFilter(String target, JsonPointer path) throws IOException {
        Filter.Builder b = builders.filter;
        int filter = filters++;
        FieldWalk walk = in.fields(path, Fields.FILTER);
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            if (index == Fields.FILTER_PATH) {
                b.path(Optional.ofNullable(walk.vocabulary())); // filter paths repeat across templates
            } else { // FILTER_VALUES
                int values = counted(in.stringList(walk.at()));
                b.values(List.of());
                for (int i = 0; i < values; i++) {
                    b.addValue(in.element(i));
                }
                if (values == 0) {
                    layout().keepEmpty(FieldLocation.filterValues(target, filter));
                }
            }
        }
        return builders.built(b);
    }

    private Action readAction(String key, JsonPointer path) throws IOException {
        Action.Builder b = builders.action;
        forget(CollectionField.Owner.ACTION, key);
        FieldWalk walk = in.fields(path, Fields.ACTION);
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            switch (index) {
                case Fields.ACTION_ACTION_ID:
                    b.actionId(Optional.ofNullable(walk.vocabulary()));
                    break;
                case Fields.ACTION_DESCRIPTION:
                    b.description(Optional.ofNullable(walk.string()));
                    break;
                case Fields.ACTION_PARAMETERS:
                    int parameters = in.stringMap(walk.at());
                    b.parameters(Map.of());
                    for (int i = 0; i < parameters; i++) {
                        b.putParameter(in.key(i), in.value(i));
                    }
                    keepEmpty(parameters, CollectionField.ACTION_PARAMETERS, key);
                    break;
                case Fields.ACTION_TARGETS:
                    int targets = in.referenceMap(walk.at());
                    b.targets(Map.of());
                    for (int i = 0; i < targets; i++) {
                        b.putTarget(in.key(i), in.value(i));
                    }
                    keepEmpty(targets, CollectionField.ACTION_TARGETS, key);
                    break;
                case Fields.ACTION_START_AFTER:
                default:
                    int startAfter = in.stringList(walk.at());
                    b.startAfter(List.of());
                    for (int i = 0; i < startAfter; i++) {
                        b.addStartAfter(in.element(i));
                    }
                    keepEmpty(startAfter, CollectionField.ACTION_START_AFTER, key);
                    break;
            }
        }
        return builders.built(b);
    }

    private StopCondition readStopCondition(JsonPointer path) throws IOException {
        StopCondition.Builder b = builders.stopCondition;
        FieldWalk walk = in.fields(path, Fields.STOP_CONDITION);
        for (int index = walk.next(); index >= 0; index = walk.next()) {
            if (index == Fields.STOP_CONDITION_SOURCE) {
                b.source(Optional.ofNullable(walk.vocabulary()));
            } else if (index == Fields.STOP_CONDITION_VALUE) {
                b.value(Optional.ofNullable(walk.string()));
            } else if (index == Fields.STOP_CONDITION_METRIC_ALARMS) {
                b.metricAlarms(List.of());
                MetricAlarmReader alarms = new MetricAlarmReader(in);
                counted(in.objectList(walk.at(), alarms::read, a -> {
                    if (a != null) {
                        b.addMetricAlarm(a);
                    }
                }));
            } else { // STOP_CONDITION_COMPOSITE_ALARM_NAME
                b.compositeAlarmName(Optional.ofNullable(walk.string()));
            }
        }
        return builders.built(b);
    }
}
