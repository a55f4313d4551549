package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TemplateMetadata;
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
 * <p>Collections go straight into the builders; the builder's collection is cleared first, so
 * that of a repeated field the last value wins, and a collection present but empty is
 * remembered in {@code keptEmpty} so that writing gives it back.
 */
final class TemplateReader {

    private final JsonInput in;
    private final JsonParser p;
    private SettingsReader settings;
    private String prefix = "";
    private TemplateMetadata.Builder meta;

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
        return new ReadResult(experiment, ValidationResult.of(violations), experiment == null ? "" : prefix, in.skipped);
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
        Experiment.Builder b = Experiment.builder();
        in.fields(path, Fields.TEMPLATE, first, (name, index, at) -> {
            switch (name) {
                case "name":
                    b.name(in.optString(at));
                    break;
                case "description":
                    b.description(in.optString(at));
                    break;
                case "roleArn":
                    b.roleArn(in.optString(at));
                    break;
                case "targets":
                    b.targets(Map.of());
                    keepEmpty(in.objectMap(at, this::readTarget, b::putTarget), name, b::addKeptEmpty);
                    break;
                case "actions":
                    b.actions(Map.of());
                    keepEmpty(in.objectMap(at, this::readAction, b::putAction), name, b::addKeptEmpty);
                    break;
                case "stopConditions":
                    b.stopConditions(List.of());
                    keepEmpty(in.objectList(at, this::readStopCondition, b::addStopCondition), name, b::addKeptEmpty);
                    break;
                case "tags":
                    b.tags(Map.of());
                    keepEmpty(in.stringMap(at, b::putTag), name, b::addKeptEmpty);
                    break;
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
                        b.experimentReportConfiguration(settings().readReport(at));
                    }
                    break;
                case "targetAccountConfigurations":
                    b.targetAccountConfigurations(List.of());
                    keepEmpty(in.objectList(at, settings()::readAccount, b::addTargetAccountConfiguration), name,
                            b::addKeptEmpty);
                    break;
                case "hypothesis":
                    if (in.expectObject(at)) {
                        b.hypothesis(settings().readHypothesis(at));
                    }
                    break;
                default:
                    if (meta == null) {
                        meta = TemplateMetadata.builder(); // only for a template with metadata
                    }
                    readMetadata(meta, name, at);
                    break;
            }
        });
        if (meta != null) {
            b.metadata(meta.build());
        }
        return b.build();
    }

    /** The reader of the settings, made for a template that has any. */
    private SettingsReader settings() {
        if (settings == null) {
            settings = new SettingsReader(in);
        }
        return settings;
    }

    /** Remembers a collection that was present but held nothing (an empty {@code {}} or {@code []}). */
    private static void keepEmpty(int kept, String name, java.util.function.Consumer<String> addKeptEmpty) {
        if (kept == 0) {
            addKeptEmpty.accept(name);
        }
    }

    private void readMetadata(TemplateMetadata.Builder meta, String name, JsonPointer at) throws IOException {
        switch (name) {
            case "id":
                meta.id(in.optString(at));
                break;
            case "arn":
                meta.arn(in.optString(at));
                break;
            case "clientToken":
                meta.clientToken(in.optString(at));
                break;
            case "creationTime":
                meta.creationTime(Optional.ofNullable(in.instant(at)));
                break;
            case "lastUpdateTime":
                meta.lastUpdateTime(Optional.ofNullable(in.instant(at)));
                break;
            default:
                Long n = in.wholeNumber(at, "targetAccountConfigurationsCount", Long.MAX_VALUE,
                        "Use the number of target account configurations, a whole number from 0.");
                if (n != null) {
                    meta.targetAccountConfigurationsCount(n);
                }
                break;
        }
    }

    private TemplateTarget readTarget(JsonPointer path) throws IOException {
        TemplateTarget.Builder b = TemplateTarget.builder();
        in.fields(path, Fields.TARGET, (name, index, at) -> {
            switch (name) {
                case "resourceType":
                    b.resourceType(in.optString(at));
                    break;
                case "resourceArns":
                    b.resourceArns(List.of());
                    keepEmpty(in.stringList(at, b::addResourceArn), name, b::addKeptEmpty);
                    break;
                case "resourceTags":
                    b.resourceTags(Map.of());
                    keepEmpty(in.stringMap(at, b::putResourceTag), name, b::addKeptEmpty);
                    break;
                case "filters":
                    b.filters(List.of());
                    keepEmpty(in.objectList(at, this::readFilter, b::addFilter), name, b::addKeptEmpty);
                    break;
                case "selectionMode":
                    String mode = in.string(at);
                    if (mode != null) {
                        b.selectionMode(SelectionMode.of(mode));
                    }
                    break;
                default:
                    b.parameters(Map.of());
                    keepEmpty(in.stringMap(at, b::putParameter), name, b::addKeptEmpty);
                    break;
            }
        });
        return b.build();
    }

    private Filter readFilter(JsonPointer path) throws IOException {
        Filter.Builder b = Filter.builder();
        in.fields(path, Fields.FILTER, (name, index, at) -> {
            if (index == 0) {
                b.path(in.optString(at));
            } else {
                b.values(List.of());
                keepEmpty(in.stringList(at, b::addValue), name, b::addKeptEmpty);
            }
        });
        return b.build();
    }

    private Action readAction(JsonPointer path) throws IOException {
        Action.Builder b = Action.builder();
        in.fields(path, Fields.ACTION, (name, index, at) -> {
            switch (name) {
                case "actionId":
                    b.actionId(in.optString(at));
                    break;
                case "description":
                    b.description(in.optString(at));
                    break;
                case "parameters":
                    b.parameters(Map.of());
                    keepEmpty(in.stringMap(at, b::putParameter), name, b::addKeptEmpty);
                    break;
                case "targets":
                    b.targets(Map.of());
                    keepEmpty(in.stringMap(at, b::putTarget), name, b::addKeptEmpty);
                    break;
                default:
                    b.startAfter(List.of());
                    keepEmpty(in.stringList(at, b::addStartAfter), name, b::addKeptEmpty);
                    break;
            }
        });
        return b.build();
    }

    private StopCondition readStopCondition(JsonPointer path) throws IOException {
        StopCondition.Builder b = StopCondition.builder();
        in.fields(path, Fields.STOP_CONDITION, (name, index, at) -> {
            if (index == 0) {
                b.source(in.optString(at));
            } else if (index == 1) {
                b.value(in.optString(at));
            } else if (index == 2) {
                MetricAlarmReader alarms = new MetricAlarmReader(in);
                in.objectList(at, alarms::read, a -> {
                    if (a != null) {
                        b.addMetricAlarm(a);
                    }
                });
            } else {
                b.compositeAlarmName(in.optString(at));
            }
        });
        return b.build();
    }
}
