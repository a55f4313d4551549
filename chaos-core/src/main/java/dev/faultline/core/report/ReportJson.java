package dev.faultline.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a report as JSON, schema {@value #SCHEMA}: every field is always present, with
 * {@code null} for what is not known, so readers need no guessing. docs/report.md describes it.
 */
final class ReportJson {

    /** The schema name and version written in the {@code schema} field. */
    static final String SCHEMA = "faultline-run-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {}

    static String render(ReportData data) {
        ObjectNode root = MAPPER.createObjectNode();
        RunOutcome o = data.outcome();
        root.put("schema", SCHEMA);
        root.set("experiment", experiment(data.experiment(), data.title()));
        root.put("experimentId", o.experimentId());
        root.put("templateId", o.templateId().orElse(null));
        root.put("state", o.state().wireName());
        root.put("succeeded", o.succeeded());
        root.put("reason", o.reason().orElse(null));
        root.set("error", error(o));
        root.put("startTime", time(data.start()));
        root.put("endTime", time(data.end()));
        putDuration(root, "duration", data.duration());
        putDuration(root, "plannedDuration", data.plannedDuration());
        root.set("actions", actions(data));
        root.set("stop", stop(data));
        root.set("preflight", data.preflight() == null ? null : preflight(data.preflight()));
        root.set("verdict", o.verdict().map(v -> VerdictJson.verdict(MAPPER, v)).orElse(null));
        root.set("events", EventJson.events(MAPPER, o.events()));
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new ReportException("The report could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode experiment(Experiment e, String title) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("name", e.name().orElse(null));
        n.put("title", title);
        n.put("description", e.description().orElse(null));
        n.set("tags", stringMap(e.tags()));
        return n;
    }

    private static ObjectNode error(RunOutcome o) {
        if (o.errorCode().isEmpty() && o.errorLocation().isEmpty()) {
            return null;
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("code", o.errorCode().orElse(null));
        n.put("location", o.errorLocation().orElse(null));
        return n;
    }

    private static ArrayNode actions(ReportData data) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ActionRow a : data.actions()) {
            ObjectNode n = out.addObject();
            n.put("name", a.name());
            n.put("actionId", a.actionId());
            n.put("state", a.state() == null ? null : a.state().wireName());
            n.put("reason", a.reason());
            ObjectNode planned = n.putObject("planned");
            putDuration(planned, "startOffset", a.plannedStart());
            putDuration(planned, "endOffset", a.plannedEnd());
            planned.put("start", time(a.plannedStartAt(data.start())));
            planned.put("end", time(a.plannedEndAt(data.start())));
            ObjectNode actual = n.putObject("actual");
            actual.put("start", time(a.actualStart()));
            actual.put("end", time(a.actualEnd()));
            boolean ordered = a.actualStart() != null && a.actualEnd() != null
                    && !a.actualEnd().isBefore(a.actualStart());
            putDuration(actual, "duration", ordered ? Duration.between(a.actualStart(), a.actualEnd()) : null);
        }
        return out;
    }

    private static ObjectNode stop(ReportData data) {
        RunOutcome o = data.outcome();
        if (o.stopSource().isEmpty() && o.stopReason().isEmpty() && data.stop() == null) {
            return null;
        }
        ObjectNode n = MAPPER.createObjectNode();
        n.put("source", o.stopSource().map(Enum::name)
                .orElse(data.stop() == null ? null : data.stop().source().name()));
        n.put("reason", o.stopReason().orElse(data.stop() == null ? null : data.stop().reason()));
        n.put("time", time(data.stopTime()));
        return n;
    }

    private static ObjectNode preflight(Preflight p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("passed", p.passed());
        ArrayNode checks = n.putArray("checks");
        for (PreflightCheck c : p.checks()) {
            checks.addObject().put("name", c.name()).put("status", c.status().name()).put("message", c.message());
        }
        ArrayNode violations = n.putArray("violations");
        for (Violation v : p.violations()) {
            violations.addObject().put("code", v.code()).put("severity", String.valueOf(v.severity()))
                    .put("path", v.path()).put("message", v.message()).put("hint", v.hint().orElse(null));
        }
        ObjectNode targets = n.putObject("resolvedTargets");
        for (Map.Entry<String, List<String>> e : p.resolvedTargets().entrySet()) {
            ArrayNode list = targets.putArray(e.getKey());
            e.getValue().forEach(list::add);
        }
        return n;
    }

    private static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode n = MAPPER.createObjectNode();
        map.forEach(n::put);
        return n;
    }

    static String time(Instant t) {
        return Text.time(t);
    }

    static String time(Optional<Instant> t) {
        return t.map(Text::time).orElse(null);
    }

    /** Writes a duration as an ISO-8601 text field and a {@code …Millis} number field. */
    static void putDuration(ObjectNode n, String field, Duration d) {
        n.put(field, d == null ? null : d.toString());
        if (d == null) {
            n.putNull(field + "Millis");
        } else {
            n.put(field + "Millis", Text.millis(d));
        }
    }
}
