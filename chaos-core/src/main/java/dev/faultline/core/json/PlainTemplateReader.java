package dev.faultline.core.json;

import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.ValidationResult;

/**
 * The template reader's shortcut for a template it has nothing to say about: it reads the text
 * from the plain parser's byte buffer straight into the model's builders, with no tokens, paths or
 * violations in between, and gives up (returns null) at the first thing that {@link TemplateReader}
 * would report or record, or that it does not read itself. {@link TemplateJson} then reads the
 * text with the plain parser and the template reader, as it did before this shortcut existed, so
 * every finding comes from them: what this reader accepts, the template reader reads to the same
 * experiment and layout with no violation ({@code PlainTemplateReaderTest} checks it on the
 * corpus, the fuzz inputs, and seeded generated and mutated templates).
 *
 * <p>It reads what most templates are, and nothing more: the template's name, description, role,
 * targets, actions, stop conditions, tags, experiment options and log configuration; a target's
 * resource type, ARNs, tags, filters, selection mode and parameters; a filter's path and values;
 * an action's id, description, parameters, targets and start-after list; a stop condition's
 * source, value and composite alarm name. Every value is a string (escapes read, UTF-8 decoded
 * strictly, as the plain parser does; the log schema version a small whole number), no field or
 * key appears twice, an option is one of its values; a collection present but empty is recorded
 * in the layout, as the template reader records it. It gives up on anything else: another field
 * (the report configuration, target accounts, the hypothesis, metadata, the GetExperimentTemplate
 * wrapper), {@code true}, {@code false} or {@code null}, another number, an escape in a name, a
 * name or key over {@value NameCache#MAX_LENGTH} characters or (in UTF-8) with a byte beyond ASCII,
 * UTF-8 that is not well formed or beside an escape, a collection of more than
 * {@value #MAX_ENTRIES} entries, malformed JSON. The lexical half is {@link PlainScan}. See
 * docs/performance.md, "Sixth round".
 */
final class PlainTemplateReader extends PlainScan {

    private final RecycledBuilders builders = RecycledBuilders.take();
    /** The most entries any collection held, for {@link RecycledBuilders#giveBack(int, boolean)}. */
    private int largest;
    /** The source layout, made on the first collection present but empty. */
    private SourceLayout.Builder layout;

    private PlainTemplateReader(ScanBuffers buffers, int end, boolean utf8) {
        super(buffers, end, utf8);
    }

    /**
     * Reads a template from a plain parser's buffer.
     *
     * @param buffers the buffers holding the text (one byte per character, or UTF-8), with
     *     {@link ScanBuffers#PADDING} bytes after it
     * @param end the length of the text
     * @param utf8 whether the text is UTF-8 with bytes beyond ASCII
     * @return what was read, with no violation; null when the template reader must read the text
     */
    static ReadResult read(ScanBuffers buffers, int end, boolean utf8) {
        PlainTemplateReader reader = new PlainTemplateReader(buffers, end, utf8);
        Experiment experiment;
        try {
            experiment = reader.template();
        } catch (RuntimeException e) { // giving up, or a builder's refusal, which the template reader reports
            reader.builders.giveBack(0, false);
            return null;
        }
        reader.builders.giveBack(reader.largest, true);
        SourceLayout layout = reader.layout == null ? SourceLayout.NONE : reader.layout.build();
        return new ReadResult(experiment, layout, ValidationResult.empty(), "", new SkippedElements());
    }

    private Experiment template() {
        expect('{');
        Experiment.Builder x = builders.experiment;
        long seen = 0;
        if (!closes('}')) {
            do {
                int index = field(FieldNames.TEMPLATE);
                seen = once(seen, index);
                switch (index) {
                    case Fields.TEMPLATE_NAME:
                        x.name(string());
                        break;
                    case Fields.TEMPLATE_DESCRIPTION:
                        x.description(string());
                        break;
                    case Fields.TEMPLATE_ROLE_ARN:
                        x.roleArn(string());
                        break;
                    case Fields.TEMPLATE_TARGETS:
                        elements(x, false);
                        break;
                    case Fields.TEMPLATE_ACTIONS:
                        elements(x, true);
                        break;
                    case Fields.TEMPLATE_STOP_CONDITIONS:
                        stopConditions(x);
                        break;
                    case Fields.TEMPLATE_TAGS:
                        int tags = stringMap(false);
                        for (int i = 0; i < tags; i++) {
                            x.putTag(mapKey(i), mapValue(i));
                        }
                        keepEmpty(tags, CollectionField.TAGS, null);
                        break;
                    case Fields.TEMPLATE_EXPERIMENT_OPTIONS:
                        x.experimentOptions(PlainSettingsReader.options(this));
                        break;
                    case Fields.TEMPLATE_LOG_CONFIGURATION:
                        x.logConfiguration(PlainSettingsReader.log(this));
                        break;
                    default: // another setting, or metadata: the template reader's
                        throw giveUp();
                }
            } while (more('}'));
        }
        atEnd();
        return builders.built(x);
    }

    /** The template's targets, or its actions: a map of objects, each read by {@link #target} or {@link #action}. */
    private void elements(Experiment.Builder x, boolean actions) {
        expect('{');
        int n = 0;
        if (!closes('}')) {
            do {
                String key = elementKey(n++);
                expect('{');
                if (actions) {
                    x.putAction(key, action(key));
                } else {
                    x.putTarget(key, target(key));
                }
            } while (more('}'));
        }
        keepEmpty(n, actions ? CollectionField.ACTIONS : CollectionField.TARGETS, null);
    }

    private TemplateTarget target(String key) {
        TemplateTarget.Builder t = builders.target;
        long seen = 0;
        if (closes('}')) {
            return builders.built(t);
        }
        do {
            int index = field(FieldNames.TARGET);
            seen = once(seen, index);
            switch (index) {
                case Fields.TARGET_RESOURCE_TYPE:
                    t.resourceType(vocabulary());
                    break;
                case Fields.TARGET_RESOURCE_ARNS:
                    int arns = stringList();
                    for (int i = 0; i < arns; i++) {
                        t.addResourceArn(mapValue(i));
                    }
                    keepEmpty(arns, CollectionField.TARGET_RESOURCE_ARNS, key);
                    break;
                case Fields.TARGET_RESOURCE_TAGS:
                    int tags = stringMap(false);
                    for (int i = 0; i < tags; i++) {
                        t.putResourceTag(mapKey(i), mapValue(i));
                    }
                    keepEmpty(tags, CollectionField.TARGET_RESOURCE_TAGS, key);
                    break;
                case Fields.TARGET_FILTERS:
                    expect('[');
                    int filters = 0;
                    if (!closes(']')) {
                        do {
                            expect('{');
                            t.addFilter(filter(key, filters++));
                        } while (more(']'));
                    }
                    keepEmpty(filters, CollectionField.TARGET_FILTERS, key);
                    break;
                case Fields.TARGET_SELECTION_MODE:
                    t.selectionMode(SelectionMode.of(vocabulary()));
                    break;
                case Fields.TARGET_PARAMETERS:
                default:
                    int parameters = stringMap(false);
                    for (int i = 0; i < parameters; i++) {
                        t.putParameter(mapKey(i), mapValue(i));
                    }
                    keepEmpty(parameters, CollectionField.TARGET_PARAMETERS, key);
                    break;
            }
        } while (more('}'));
        return builders.built(t);
    }

    private Filter filter(String target, int filter) {
        Filter.Builder f = builders.filter;
        long seen = 0;
        if (closes('}')) {
            return builders.built(f);
        }
        do {
            int index = field(FieldNames.FILTER);
            seen = once(seen, index);
            if (index == Fields.FILTER_PATH) {
                f.path(vocabulary());
            } else { // FILTER_VALUES
                int values = stringList();
                for (int i = 0; i < values; i++) {
                    f.addValue(mapValue(i));
                }
                counted(values);
                if (values == 0) {
                    layout().keepEmpty(FieldLocation.filterValues(target, filter));
                }
            }
        } while (more('}'));
        return builders.built(f);
    }

    private Action action(String key) {
        Action.Builder a = builders.action;
        long seen = 0;
        if (closes('}')) {
            return builders.built(a);
        }
        do {
            int index = field(FieldNames.ACTION);
            seen = once(seen, index);
            switch (index) {
                case Fields.ACTION_ACTION_ID:
                    a.actionId(vocabulary());
                    break;
                case Fields.ACTION_DESCRIPTION:
                    a.description(string());
                    break;
                case Fields.ACTION_PARAMETERS:
                    int parameters = stringMap(false);
                    for (int i = 0; i < parameters; i++) {
                        a.putParameter(mapKey(i), mapValue(i));
                    }
                    keepEmpty(parameters, CollectionField.ACTION_PARAMETERS, key);
                    break;
                case Fields.ACTION_TARGETS:
                    int targets = stringMap(true);
                    for (int i = 0; i < targets; i++) {
                        a.putTarget(mapKey(i), mapValue(i));
                    }
                    keepEmpty(targets, CollectionField.ACTION_TARGETS, key);
                    break;
                case Fields.ACTION_START_AFTER:
                default:
                    int startAfter = stringList();
                    for (int i = 0; i < startAfter; i++) {
                        a.addStartAfter(mapValue(i));
                    }
                    keepEmpty(startAfter, CollectionField.ACTION_START_AFTER, key);
                    break;
            }
        } while (more('}'));
        return builders.built(a);
    }

    private void stopConditions(Experiment.Builder x) {
        expect('[');
        int n = 0;
        if (!closes(']')) {
            do {
                expect('{');
                x.addStopCondition(stopCondition());
                n++;
            } while (more(']'));
        }
        keepEmpty(n, CollectionField.STOP_CONDITIONS, null);
    }

    private StopCondition stopCondition() {
        StopCondition.Builder s = builders.stopCondition;
        long seen = 0;
        if (closes('}')) {
            return builders.built(s);
        }
        do {
            int index = field(FieldNames.STOP_CONDITION);
            seen = once(seen, index);
            if (index == Fields.STOP_CONDITION_SOURCE) {
                s.source(vocabulary());
            } else if (index == Fields.STOP_CONDITION_VALUE) {
                s.value(string());
            } else if (index == Fields.STOP_CONDITION_COMPOSITE_ALARM_NAME) {
                s.compositeAlarmName(string());
            } else { // metric alarms: the template reader's
                throw giveUp();
            }
        } while (more('}'));
        return builders.built(s);
    }

    // ---- the layout ------------------------------------------------------------------------

    /** Notes the size of a collection, and records it in the layout when it is present but empty. */
    private void keepEmpty(int entries, CollectionField field, String element) {
        counted(entries);
        if (entries == 0) {
            layout().keepEmpty(element == null ? FieldLocation.of(field) : FieldLocation.of(field, element));
        }
    }

    private void counted(int entries) {
        largest = Math.max(largest, entries);
    }

    private SourceLayout.Builder layout() {
        if (layout == null) {
            layout = SourceLayout.builder();
        }
        return layout;
    }
}
