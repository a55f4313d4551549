package dev.faultline.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.Target;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateMetadata;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A one-shot streaming reader of one template: it walks the JSON tokens into the model's
 * builders and records every problem as a violation instead of throwing.
 */
final class TemplateReader {

    /** The range of {@link Instant} in epoch seconds (about ±3.2e16), the upper bound excluded. */
    private static final BigDecimal MIN_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MIN.getEpochSecond());
    private static final BigDecimal END_EPOCH_SECONDS = BigDecimal.valueOf(Instant.MAX.getEpochSecond() + 1);
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private final JsonParser p;
    private final List<Violation> violations = new ArrayList<>();
    private String prefix = "";

    private TemplateReader(JsonParser parser) {
        this.p = parser;
    }

    static ReadResult read(JsonParser parser) {
        return new TemplateReader(parser).run();
    }

    private ReadResult run() {
        Experiment experiment = null;
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                violations.add(Violation.error("json.syntax", "", "The document is empty.",
                        "Provide an experiment template as a JSON object."));
            } else if (t != JsonToken.START_OBJECT) {
                violations.add(typeError(Pointer.ROOT, "a JSON object (the experiment template)", t));
            } else {
                experiment = readTop();
                JsonToken trailing = p.nextToken();
                if (trailing != null) {
                    violations.add(Violation.error("json.syntax", "",
                            "Unexpected content after the template at " + where(p.currentLocation()) + ".",
                            "Remove what follows the closing brace."));
                }
            }
        } catch (JsonProcessingException e) {
            experiment = null;
            violations.add(Violation.error("json.syntax", "",
                    "Malformed JSON at " + where(e.getLocation()) + ": " + e.getOriginalMessage(),
                    "Fix the JSON syntax at that line and column."));
        } catch (IOException e) {
            experiment = null;
            violations.add(Violation.error("json.io", "", "The template could not be read: " + e.getMessage(), null));
        } catch (RuntimeException e) {
            experiment = null;
            violations.add(Violation.error("json.internal", "",
                    "The reader failed on this input (" + e + "); please report it.", null));
        }
        return new ReadResult(experiment, ValidationResult.of(violations), experiment == null ? "" : prefix);
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    // ---- objects -------------------------------------------------------------------------

    /** Reads the top object, which may be the GetExperimentTemplate wrapper. */
    private Experiment readTop() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.FIELD_NAME && "experimentTemplate".equals(p.currentName())) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                prefix = "/experimentTemplate";
                Experiment e = readTemplate(Pointer.ROOT.child("experimentTemplate"), p.nextToken());
                for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    unknownField(Pointer.ROOT, name, List.of("experimentTemplate"));
                }
                return e;
            }
            violations.add(typeError(Pointer.ROOT.child("experimentTemplate"), "an object", p.currentToken()));
            p.skipChildren();
            return Experiment.builder().build();
        }
        return readTemplate(Pointer.ROOT, t);
    }

    private Experiment readTemplate(Pointer path, JsonToken first) throws IOException {
        Experiment.Builder b = Experiment.builder();
        TemplateMetadata.Builder meta = null;
        long seen = 0;
        for (JsonToken t = first; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.TEMPLATE.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.TEMPLATE);
                continue;
            }
            seen = duplicate(seen, index, at);
            switch (name) {
                case "name":
                    b.name(optString(at));
                    break;
                case "description":
                    b.description(optString(at));
                    break;
                case "roleArn":
                    b.roleArn(optString(at));
                    break;
                case "targets":
                    b.targets(Map.of());
                    if (objectMap(at, this::readTarget, b::putTarget) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "actions":
                    b.actions(Map.of());
                    if (objectMap(at, this::readAction, b::putAction) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "stopConditions":
                    b.stopConditions(List.of());
                    if (objectList(at, this::readStopCondition, b::addStopCondition) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "tags":
                    b.tags(Map.of());
                    if (stringMap(at, b::putTag) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "logConfiguration":
                    if (expectObject(at)) {
                        b.logConfiguration(readLog(at));
                    }
                    break;
                case "experimentOptions":
                    if (expectObject(at)) {
                        b.experimentOptions(readOptions(at));
                    }
                    break;
                case "experimentReportConfiguration":
                    if (expectObject(at)) {
                        b.experimentReportConfiguration(readReport(at));
                    }
                    break;
                case "targetAccountConfigurations":
                    b.targetAccountConfigurations(List.of());
                    if (objectList(at, this::readAccount, b::addTargetAccountConfiguration) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "hypothesis":
                    if (expectObject(at)) {
                        b.hypothesis(readHypothesis(at));
                    }
                    break;
                default:
                    meta = meta == null ? TemplateMetadata.builder() : meta;
                    readMetadata(meta, name, at);
                    break;
            }
        }
        if (meta != null) {
            b.metadata(meta.build());
        }
        return b.build();
    }

    private void readMetadata(TemplateMetadata.Builder meta, String name, Pointer at) throws IOException {
        switch (name) {
            case "id":
                meta.id(optString(at));
                break;
            case "arn":
                meta.arn(optString(at));
                break;
            case "clientToken":
                meta.clientToken(optString(at));
                break;
            case "creationTime":
                meta.creationTime(java.util.Optional.ofNullable(instant(at)));
                break;
            case "lastUpdateTime":
                meta.lastUpdateTime(java.util.Optional.ofNullable(instant(at)));
                break;
            default:
                BigDecimal n = number(at);
                if (n != null) {
                    meta.targetAccountConfigurationsCount(n.longValue());
                }
                break;
        }
    }

    private Target readTarget(Pointer path) throws IOException {
        Target.Builder b = Target.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.TARGET.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.TARGET);
                continue;
            }
            seen = duplicate(seen, index, at);
            switch (name) {
                case "resourceType":
                    b.resourceType(optString(at));
                    break;
                case "resourceArns":
                    b.resourceArns(List.of());
                    if (stringList(at, b::addResourceArn) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "resourceTags":
                    b.resourceTags(Map.of());
                    if (stringMap(at, b::putResourceTag) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "filters":
                    b.filters(List.of());
                    if (objectList(at, this::readFilter, b::addFilter) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "selectionMode":
                    String mode = string(at);
                    if (mode != null) {
                        b.selectionMode(SelectionMode.of(mode));
                    }
                    break;
                default:
                    b.parameters(Map.of());
                    if (stringMap(at, b::putParameter) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
            }
        }
        return b.build();
    }

    private Filter readFilter(Pointer path) throws IOException {
        Filter.Builder b = Filter.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.FILTER.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.FILTER);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                b.path(optString(at));
            } else {
                b.values(List.of());
                if (stringList(at, b::addValue) == 0) {
                    b.addKeptEmpty(name);
                }
            }
        }
        return b.build();
    }

    private Action readAction(Pointer path) throws IOException {
        Action.Builder b = Action.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.ACTION.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.ACTION);
                continue;
            }
            seen = duplicate(seen, index, at);
            switch (name) {
                case "actionId":
                    b.actionId(optString(at));
                    break;
                case "description":
                    b.description(optString(at));
                    break;
                case "parameters":
                    b.parameters(Map.of());
                    if (stringMap(at, b::putParameter) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                case "targets":
                    b.targets(Map.of());
                    if (stringMap(at, b::putTarget) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
                default:
                    b.startAfter(List.of());
                    if (stringList(at, b::addStartAfter) == 0) {
                        b.addKeptEmpty(name);
                    }
                    break;
            }
        }
        return b.build();
    }

    private StopCondition readStopCondition(Pointer path) throws IOException {
        StopCondition.Builder b = StopCondition.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.STOP_CONDITION.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.STOP_CONDITION);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                b.source(optString(at));
            } else {
                b.value(optString(at));
            }
        }
        return b.build();
    }

    private LogConfiguration readLog(Pointer path) throws IOException {
        LogConfiguration.Builder b = LogConfiguration.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.LOG.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.LOG);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                BigDecimal n = number(at);
                if (n != null) {
                    if (n.scale() > 0 && n.stripTrailingZeros().scale() > 0
                            || n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                            || n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                        violations.add(Violation.error("json.type", at.toString(), "logSchemaVersion must be a whole number, was " + n + ".",
                                "Use 2, the current log schema version."));
                    } else {
                        b.logSchemaVersion(n.intValue());
                    }
                }
            } else if (index == 1) {
                if (expectObject(at)) {
                    b.cloudWatchLogsConfiguration(readCloudWatchLogs(at));
                }
            } else if (expectObject(at)) {
                b.s3Configuration(readS3(at));
            }
        }
        return b.build();
    }

    private CloudWatchLogsConfiguration readCloudWatchLogs(Pointer path) throws IOException {
        CloudWatchLogsConfiguration.Builder b = CloudWatchLogsConfiguration.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.CLOUDWATCH_LOGS.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.CLOUDWATCH_LOGS);
                continue;
            }
            seen = duplicate(seen, index, at);
            b.logGroupArn(optString(at));
        }
        return b.build();
    }

    private S3Configuration readS3(Pointer path) throws IOException {
        S3Configuration.Builder b = S3Configuration.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.S3.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.S3);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                b.bucketName(optString(at));
            } else {
                b.prefix(optString(at));
            }
        }
        return b.build();
    }

    private ExperimentOptions readOptions(Pointer path) throws IOException {
        ExperimentOptions.Builder b = ExperimentOptions.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.OPTIONS.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.OPTIONS);
                continue;
            }
            seen = duplicate(seen, index, at);
            String value = string(at);
            if (value == null) {
                continue;
            }
            if (index == 0) {
                AccountTargeting v = AccountTargeting.fromWireName(value);
                if (v == null) {
                    badEnum(at, value, List.of("single-account", "multi-account"));
                } else {
                    b.accountTargeting(v);
                }
            } else {
                EmptyTargetResolutionMode v = EmptyTargetResolutionMode.fromWireName(value);
                if (v == null) {
                    badEnum(at, value, List.of("fail", "skip"));
                } else {
                    b.emptyTargetResolutionMode(v);
                }
            }
        }
        return b.build();
    }

    private ReportConfiguration readReport(Pointer path) throws IOException {
        ReportConfiguration.Builder b = ReportConfiguration.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.REPORT.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.REPORT);
                continue;
            }
            seen = duplicate(seen, index, at);
            switch (name) {
                case "outputs":
                    if (expectObject(at)) {
                        readReportOutputs(at, b);
                    }
                    break;
                case "dataSources":
                    if (expectObject(at)) {
                        readReportSources(at, b);
                    }
                    break;
                case "preExperimentDuration":
                    b.preExperimentDuration(optString(at));
                    break;
                default:
                    b.postExperimentDuration(optString(at));
                    break;
            }
        }
        return b.build();
    }

    private void readReportOutputs(Pointer path, ReportConfiguration.Builder b) throws IOException {
        boolean any = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Pointer at = path.child(name);
            if (!Fields.REPORT_OUTPUTS.contains(name)) {
                unknownField(path, name, Fields.REPORT_OUTPUTS);
                continue;
            }
            any = true;
            if (expectObject(at)) {
                b.s3Configuration(readS3(at));
            }
        }
        if (!any) {
            b.addKeptEmpty("outputs");
        }
    }

    private void readReportSources(Pointer path, ReportConfiguration.Builder b) throws IOException {
        boolean any = false;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Pointer at = path.child(name);
            if (!Fields.REPORT_SOURCES.contains(name)) {
                unknownField(path, name, Fields.REPORT_SOURCES);
                continue;
            }
            any = true;
            b.cloudWatchDashboards(List.of());
            if (objectList(at, this::readDashboard, b::addCloudWatchDashboard) == 0) {
                b.addKeptEmpty("cloudWatchDashboards");
            }
        }
        if (!any) {
            b.addKeptEmpty("dataSources");
        }
    }

    private String readDashboard(Pointer path) throws IOException {
        String id = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            p.nextToken();
            Pointer at = path.child(name);
            if (!Fields.DASHBOARD.contains(name)) {
                unknownField(path, name, Fields.DASHBOARD);
                continue;
            }
            id = string(at);
        }
        if (id == null) {
            violations.add(Violation.error("required", path.child("dashboardIdentifier").toString(),
                    "A dashboard entry needs its dashboardIdentifier.", "Give the dashboard's ARN."));
            return "";
        }
        return id;
    }

    private TargetAccountConfiguration readAccount(Pointer path) throws IOException {
        TargetAccountConfiguration.Builder b = TargetAccountConfiguration.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.ACCOUNT.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.ACCOUNT);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                b.accountId(optString(at));
            } else if (index == 1) {
                b.roleArn(optString(at));
            } else {
                b.description(optString(at));
            }
        }
        return b.build();
    }

    private Hypothesis readHypothesis(Pointer path) throws IOException {
        Hypothesis.Builder b = Hypothesis.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.HYPOTHESIS.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.HYPOTHESIS);
                continue;
            }
            seen = duplicate(seen, index, at);
            if (index == 0) {
                b.description(optString(at));
            } else if (index == 1) {
                b.conditions(List.of());
                objectList(at, this::readCondition, b::addCondition);
            } else {
                b.recoveryWindow(java.util.Optional.ofNullable(duration(at)));
            }
        }
        return b.build();
    }

    private SteadyStateCondition readCondition(Pointer path) throws IOException {
        SteadyStateCondition.Builder b = SteadyStateCondition.builder();
        long seen = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            int index = Fields.CONDITION.indexOf(name);
            p.nextToken();
            Pointer at = path.child(name);
            if (index < 0) {
                unknownField(path, name, Fields.CONDITION);
                continue;
            }
            seen = duplicate(seen, index, at);
            switch (name) {
                case "name":
                    b.name(optString(at));
                    break;
                case "namespace":
                    b.namespace(optString(at));
                    break;
                case "metricName":
                    b.metricName(optString(at));
                    break;
                case "dimensions":
                    b.dimensions(Map.of());
                    stringMap(at, b::putDimension);
                    break;
                case "statistic":
                    b.statistic(optString(at));
                    break;
                case "period":
                    Duration period = duration(at);
                    if (period != null) {
                        b.period(period);
                    }
                    break;
                case "comparison":
                    String comparison = string(at);
                    if (comparison != null) {
                        Comparison c = Comparison.fromName(comparison);
                        if (c == null) {
                            badEnum(at, comparison, enumNames(Comparison.values()));
                        } else {
                            b.comparison(c);
                        }
                    }
                    break;
                case "threshold":
                    Double threshold = real(at);
                    if (threshold != null) {
                        b.threshold(threshold);
                    }
                    break;
                default:
                    b.phases(phases(at));
                    break;
            }
        }
        return b.build();
    }

    private Set<CheckPhase> phases(Pointer path) throws IOException {
        Set<CheckPhase> phases = EnumSet.noneOf(CheckPhase.class);
        List<String> values = new ArrayList<>(3);
        stringList(path, values::add);
        for (String value : values) {
            CheckPhase phase = CheckPhase.fromWireName(value);
            if (phase == null) {
                badEnum(path, value, List.of("before", "during", "after"));
            } else {
                phases.add(phase);
            }
        }
        return phases;
    }

    // ---- collections ---------------------------------------------------------------------
    //
    // Elements go straight into the model's builders (which copy them once more when building),
    // not through a collection of the reader's own. Each returns how many it kept, so that a
    // present but empty collection can be remembered; the caller clears the builder's
    // collection first, so that of a repeated field the last value wins.

    /** A reader of one element at a path, positioned on the element's START_OBJECT. */
    private interface ElementReader<T> {
        T read(Pointer path) throws IOException;
    }

    private <T> int objectMap(Pointer path, ElementReader<T> element, BiConsumer<String, T> put) throws IOException {
        if (!expectObject(path)) {
            return -1;
        }
        SeenKeys keys = new SeenKeys();
        int kept = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            p.nextToken();
            Pointer at = path.child(key);
            if (!expectObject(at)) {
                continue;
            }
            put.accept(key, element.read(at));
            kept++;
            if (!keys.add(key)) {
                duplicateKey(at, key);
            }
        }
        return kept;
    }

    private <T> int objectList(Pointer path, ElementReader<T> element, Consumer<T> add) throws IOException {
        if (!expectArray(path)) {
            return -1;
        }
        int i = 0;
        int kept = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            Pointer at = path.child(i);
            if (expectObject(at)) {
                add.accept(element.read(at));
                kept++;
            }
        }
        return kept;
    }

    private int stringMap(Pointer path, BiConsumer<String, String> put) throws IOException {
        if (!expectObject(path)) {
            return -1;
        }
        SeenKeys keys = new SeenKeys();
        int kept = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            p.nextToken();
            Pointer at = path.child(key);
            String value = string(at);
            if (value != null) {
                put.accept(key, value);
                kept++;
                if (!keys.add(key)) {
                    duplicateKey(at, key);
                }
            }
        }
        return kept;
    }

    private int stringList(Pointer path, Consumer<String> add) throws IOException {
        if (!expectArray(path)) {
            return -1;
        }
        int i = 0;
        int kept = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken(), i++) {
            String value = string(path.child(i));
            if (value != null) {
                add.accept(value);
                kept++;
            }
        }
        return kept;
    }

    // ---- scalars -------------------------------------------------------------------------

    /**
     * The current token as a string. A number or boolean is reported and kept as its text (FIS
     * takes every parameter value as a string); a null, object or array is reported and skipped.
     */
    private String string(Pointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        violations.add(typeError(path, "a string", t));
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private java.util.Optional<String> optString(Pointer path) throws IOException {
        return java.util.Optional.ofNullable(string(path));
    }

    private BigDecimal number(Pointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDecimalValue();
        }
        violations.add(typeError(path, "a number", t));
        p.skipChildren();
        return null;
    }

    /** A number as a double, keeping -0.0; a value beyond double's range is reported. */
    private Double real(Pointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            violations.add(typeError(path, "a number", t));
            p.skipChildren();
            return null;
        }
        double value = p.getDoubleValue();
        if (Double.isInfinite(value)) {
            violations.add(Violation.error("json.type", path.toString(), "The number " + p.getText()
                    + " is too large.", "Use a number within the range of a double."));
            return null;
        }
        return value;
    }

    private Duration duration(Pointer path) throws IOException {
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeException e) {
            violations.add(Violation.error("json.type", path.toString(), "'" + text + "' is not an ISO-8601 duration.",
                    "Write a duration such as PT5M or PT1H30M."));
            return null;
        }
    }

    private Instant instant(Pointer path) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return epochSeconds(path, p.getDecimalValue());
        }
        String text = string(path);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            violations.add(Violation.error("json.type", path.toString(), "'" + text + "' is not a timestamp.",
                    "Use epoch seconds or an ISO-8601 date-time with an offset."));
            return null;
        }
    }

    /**
     * An instant from epoch seconds, truncated to the nanosecond. Compares magnitudes before any
     * arithmetic, so that {@code 1e1000000} or {@code 1e-1000000} costs no more than {@code 1}
     * (aligning the scales of such numbers would build a million-digit integer).
     */
    private Instant epochSeconds(Pointer path, BigDecimal seconds) {
        if (seconds.compareTo(MIN_EPOCH_SECONDS) < 0 || seconds.compareTo(END_EPOCH_SECONDS) >= 0) {
            violations.add(Violation.error("json.type", path.toString(), "The timestamp " + seconds + " is out of range.",
                    "Use epoch seconds or an ISO-8601 date-time with an offset."));
            return null;
        }
        BigDecimal nanos = seconds.movePointRight(9);
        if (nanos.precision() - nanos.scale() <= 0) {
            return Instant.EPOCH; // under a nanosecond
        }
        BigInteger[] split = nanos.toBigInteger().divideAndRemainder(NANOS_PER_SECOND);
        try {
            return Instant.ofEpochSecond(split[0].longValueExact(), split[1].longValue());
        } catch (DateTimeException | ArithmeticException e) {
            violations.add(Violation.error("json.type", path.toString(), "The timestamp " + seconds + " is out of range.",
                    "Use epoch seconds or an ISO-8601 date-time with an offset."));
            return null;
        }
    }

    // ---- problems ------------------------------------------------------------------------

    private boolean expectObject(Pointer path) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        violations.add(typeError(path, "an object", p.currentToken()));
        p.skipChildren();
        return false;
    }

    private boolean expectArray(Pointer path) throws IOException {
        if (p.currentToken() == JsonToken.START_ARRAY) {
            return true;
        }
        violations.add(typeError(path, "an array", p.currentToken()));
        p.skipChildren();
        return false;
    }

    private Violation typeError(Pointer path, String expected, JsonToken found) {
        return Violation.error("json.type", path.toString(), "Expected " + expected + ", found " + describe(found) + ".",
                found == JsonToken.VALUE_NULL ? "Remove the field or give it a value." : "Write " + expected + " here.");
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the document";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    private void unknownField(Pointer path, String name, List<String> known) throws IOException {
        List<String> near = Suggestions.nearest(name, known, 1);
        violations.add(Violation.error("json.unknown-field", path.child(name).toString(),
                "Unknown field '" + name + "'.",
                near.isEmpty() ? "Remove it; the fields here are " + String.join(", ", known) + "."
                        : "Did you mean '" + near.get(0) + "'?"));
        p.skipChildren();
    }

    private long duplicate(long seen, int index, Pointer path) {
        long bit = 1L << index;
        if ((seen & bit) != 0) {
            violations.add(Violation.warning("json.duplicate-field", path.toString(),
                    "The field appears twice; the last value wins.", "Remove one of them."));
        }
        return seen | bit;
    }

    private void duplicateKey(Pointer path, String key) {
        violations.add(Violation.warning("json.duplicate-field", path.toString(),
                "The key '" + key + "' appears twice; the last value wins.", "Remove one of them."));
    }

    private void badEnum(Pointer path, String value, List<String> allowed) {
        List<String> near = Suggestions.nearest(value, allowed, 1);
        violations.add(Violation.error("enum", path.toString(),
                "'" + value + "' is not one of " + String.join(", ", allowed) + ".",
                near.isEmpty() ? "Use one of " + String.join(", ", allowed) + "." : "Did you mean '" + near.get(0) + "'?"));
    }

    private static List<String> enumNames(Enum<?>[] values) {
        List<String> names = new ArrayList<>(values.length);
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }

}
