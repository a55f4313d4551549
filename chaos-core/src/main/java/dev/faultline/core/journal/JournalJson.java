package dev.faultline.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON every journal stores: one compact object for a run's header, one for each event, one
 * for a list of report files. Journal implementations use it so that every store keeps the same
 * text; reading what was written gives equal values back (the error of a
 * {@link RunEvent.RunFailed} as an {@code EngineException} with the original type and message).
 */
public final class JournalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalJson() {}

    /**
     * Writes a run's header.
     *
     * @param header the header
     * @return one line of JSON
     */
    public static String header(RunHeader header) {
        Objects.requireNonNull(header, "header");
        ObjectNode n = MAPPER.createObjectNode();
        n.put("runId", header.runId()).put("startedAt", header.startedAt().toString())
                .put("experimentId", header.experimentId()).put("templateId", header.templateId())
                .put("experimentName", header.experimentName()).put("account", header.account())
                .put("region", header.region()).put("actor", header.actor());
        ObjectNode tags = n.putObject("tags");
        header.tags().forEach(tags::put);
        n.put("templateJson", header.templateJson()).put("templateSha256", header.templateSha256())
                .put("attached", header.attached());
        n.set("preflight", preflight(header.preflight()));
        return n.toString();
    }

    /**
     * Reads a run's header.
     *
     * @param json what {@link #header(RunHeader)} wrote
     * @return the header
     * @throws JournalException when the text is not a journaled header
     */
    public static RunHeader readHeader(String json) {
        JsonNode n = tree(json);
        try {
            Map<String, String> tags = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> t : n.path("tags").properties()) {
                tags.put(t.getKey(), t.getValue().asText());
            }
            return new RunHeader(EventCodec.text(n, "runId"), Instant.parse(EventCodec.text(n, "startedAt")),
                    EventCodec.text(n, "experimentId"), EventCodec.text(n, "templateId"),
                    EventCodec.text(n, "experimentName"), EventCodec.text(n, "account"),
                    EventCodec.text(n, "region"), EventCodec.text(n, "actor"), tags,
                    EventCodec.text(n, "templateJson"), EventCodec.text(n, "templateSha256"),
                    n.path("attached").asBoolean(), preflight(n.path("preflight")));
        } catch (RuntimeException e) {
            throw malformed("run header", e);
        }
    }

    /**
     * Writes an event.
     *
     * @param event the event
     * @return one line of JSON
     * @throws JournalException for an event type the journal has no form for
     */
    public static String event(RunEvent event) {
        Objects.requireNonNull(event, "event");
        return EventCodec.write(MAPPER, event).toString();
    }

    /**
     * Reads an event.
     *
     * @param json what {@link #event(RunEvent)} wrote
     * @return the event
     * @throws JournalException when the text is not a journaled event
     */
    public static RunEvent readEvent(String json) {
        JsonNode n = tree(json);
        try {
            return EventCodec.read(n);
        } catch (JournalException e) {
            throw e;
        } catch (RuntimeException e) {
            throw malformed("run event", e);
        }
    }

    /**
     * Writes a list of report files.
     *
     * @param files the paths
     * @return a JSON array
     */
    public static String reports(List<String> files) {
        ArrayNode a = MAPPER.createArrayNode();
        files.forEach(a::add);
        return a.toString();
    }

    /**
     * Reads a list of report files.
     *
     * @param json what {@link #reports(List)} wrote
     * @return the paths
     * @throws JournalException when the text is not a JSON array
     */
    public static List<String> readReports(String json) {
        JsonNode n = tree(json);
        if (!n.isArray()) {
            throw new JournalException("The journaled report list is not a JSON array: " + shorten(json));
        }
        List<String> out = new ArrayList<>();
        n.forEach(f -> out.add(f.asText()));
        return out;
    }

    /**
     * Parses a line of journal JSON.
     *
     * @param json the text
     * @return the tree
     * @throws JournalException when it is not JSON
     */
    static JsonNode tree(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new JournalException("The journal holds text that is not JSON: " + shorten(json), e);
        }
    }

    /**
     * The mapper journal lines are written with.
     *
     * @return the shared mapper
     */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectNode preflight(Preflight p) {
        ObjectNode n = MAPPER.createObjectNode();
        ArrayNode violations = n.putArray("violations");
        for (Violation v : p.violations()) {
            violations.addObject().put("code", v.code()).put("severity", v.severity().name())
                    .put("path", v.path()).put("message", v.message()).put("hint", v.hint().orElse(null));
        }
        ArrayNode checks = n.putArray("checks");
        for (PreflightCheck c : p.checks()) {
            checks.addObject().put("name", c.name()).put("status", c.status().name()).put("message", c.message());
        }
        ObjectNode targets = n.putObject("resolvedTargets");
        p.resolvedTargets().forEach((name, ids) -> {
            ArrayNode a = targets.putArray(name);
            ids.forEach(a::add);
        });
        return n;
    }

    private static Preflight preflight(JsonNode n) {
        Preflight.Builder b = Preflight.builder();
        for (JsonNode v : n.path("violations")) {
            b.addViolation(Violation.custom(EventCodec.text(v, "code"), Severity.valueOf(EventCodec.text(v, "severity")),
                    EventCodec.text(v, "path"), EventCodec.text(v, "message"),
                    EventCodec.optional(v, "hint").orElse(null)));
        }
        for (JsonNode c : n.path("checks")) {
            b.addCheck(new PreflightCheck(EventCodec.text(c, "name"),
                    PreflightCheck.Status.valueOf(EventCodec.text(c, "status")), EventCodec.text(c, "message")));
        }
        for (Map.Entry<String, JsonNode> t : n.path("resolvedTargets").properties()) {
            List<String> ids = new ArrayList<>();
            t.getValue().forEach(id -> ids.add(id.asText()));
            b.putResolvedTarget(t.getKey(), ids);
        }
        return b.build();
    }

    private static JournalException malformed(String what, RuntimeException e) {
        return new JournalException("The journal holds a " + what + " it cannot read: " + e.getMessage(), e);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
