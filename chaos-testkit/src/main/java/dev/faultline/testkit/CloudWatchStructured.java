package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.faultline.testkit.internal.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * CloudWatch over the structured protocols: Smithy RPC v2 CBOR
 * ({@code POST /service/GraniteServiceVersion20100801/operation/<Op>}, newer SDKs) and AWS JSON 1.0
 * ({@code POST /} with {@code X-Amz-Target: GraniteServiceVersion20100801.<Op>}, which the AWS
 * CLI's botocore prefers). The request is flattened into query parameters, answered by
 * {@link CloudWatchQuery}, and its XML answer turned into CBOR or JSON.
 */
final class CloudWatchStructured {

    private static final CBORMapper CBOR = new CBORMapper();
    private static final Set<String> TIMES = Set.of("StateUpdatedTimestamp", "Timestamps", "StartTime", "EndTime",
            "AlarmConfigurationUpdatedTimestamp", "StateTransitionedTimestamp");
    private static final Set<String> NUMBERS = Set.of("Period", "EvaluationPeriods", "DatapointsToAlarm", "Threshold",
            "Values");

    /** An answer: status, CBOR body, and the query error code for {@code x-amzn-query-error}. */
    record Answer(int status, byte[] body, String queryError) {}

    private CloudWatchStructured() {}

    static Answer handle(String operation, byte[] body, boolean cbor, CloudWatchQuery query, String requestId) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("Action", List.of(operation));
        try {
            JsonNode in = body.length == 0 ? Json.object() : cbor ? CBOR.readTree(body) : Json.MAPPER.readTree(body);
            flatten(in == null ? Json.object() : in, "", form);
        } catch (IOException e) {
            return error(400, "SerializationException", "The body cannot be read: " + e.getMessage(), cbor);
        }
        CloudWatchQuery.Answer a = query.handle(form, requestId);
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(a.xml().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .getDocumentElement();
            if (a.errorCode() != null) {
                Element err = child(root, "Error");
                return error(a.status(), a.errorCode(), err == null ? "" : text(child(err, "Message")), cbor);
            }
            Element result = child(root, operation + "Result");
            ObjectNode out = result == null ? Json.object() : (ObjectNode) convert(result, "");
            return new Answer(200, cbor ? write(out) : Json.bytes(epochs(out)), null);
        } catch (Exception e) {
            return error(500, "InternalFailure", "LocalFis failed: " + e, cbor);
        }
    }

    private static void flatten(JsonNode n, String prefix, Map<String, List<String>> form) {
        if (n.isObject()) {
            n.properties().forEach(e -> flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), form));
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                flatten(n.get(i), prefix + ".member." + (i + 1), form);
            }
        } else {
            String last = prefix.substring(prefix.lastIndexOf('.') + 1);
            String value = TIMES.contains(last) && n.isNumber()
                    ? Instant.ofEpochMilli(n.decimalValue().movePointRight(3).longValue()).toString() : n.asText();
            form.put(prefix, List.of(value));
        }
    }

    private static JsonNode convert(Element e, String name) {
        List<Element> kids = children(e);
        if (kids.isEmpty()) {
            String t = text(e);
            if (TIMES.contains(name)) {
                return Json.object().put("$time", t);
            }
            if (NUMBERS.contains(name)) {
                return Json.object().numberNode(new BigDecimal(t));
            }
            if (t.equals("true") || t.equals("false")) {
                return Json.object().booleanNode(Boolean.parseBoolean(t));
            }
            return Json.object().textNode(t);
        }
        if (kids.stream().allMatch(k -> k.getTagName().equals("member"))) {
            ArrayNode a = Json.array();
            kids.forEach(k -> a.add(convert(k, name)));
            return a;
        }
        ObjectNode o = Json.object();
        kids.forEach(k -> o.set(k.getTagName(), children(k).isEmpty() && text(k).isEmpty() && !NUMBERS.contains(k.getTagName())
                ? Json.array() : convert(k, k.getTagName())));
        return o;
    }

    private static byte[] write(JsonNode n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.getFactory().createGenerator(out)) {
            write(g, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CBORGenerator g, JsonNode n) throws IOException {
        if (n.isObject() && n.has("$time")) {
            g.writeTag(1);
            g.writeNumber(Instant.parse(n.get("$time").asText()).toEpochMilli() / 1000.0);
        } else if (n.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode x : n) {
                write(g, x);
            }
            g.writeEndArray();
        } else if (n.isNumber()) {
            g.writeNumber(n.doubleValue());
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else {
            g.writeString(n.asText());
        }
    }

    private static Answer error(int status, String code, String message, boolean cbor) {
        ObjectNode o = Json.object();
        o.put("__type", "com.amazonaws.cloudwatch#" + code);
        o.put("message", message);
        return new Answer(status, cbor ? write(o) : Json.bytes(o), code + ";" + (status >= 500 ? "Receiver" : "Sender"));
    }

    /** The tree with timestamps as epoch seconds, for JSON. */
    private static JsonNode epochs(JsonNode n) {
        if (n.isObject() && n.has("$time")) {
            return Json.object().numberNode(BigDecimal.valueOf(Instant.parse(n.get("$time").asText()).toEpochMilli())
                    .movePointLeft(3));
        }
        if (n.isObject()) {
            ObjectNode o = Json.object();
            n.properties().forEach(e -> o.set(e.getKey(), epochs(e.getValue())));
            return o;
        }
        if (n.isArray()) {
            ArrayNode a = Json.array();
            n.forEach(x -> a.add(epochs(x)));
            return a;
        }
        return n;
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static Element child(Element e, String name) {
        for (Element k : children(e)) {
            if (k.getTagName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? "" : e.getTextContent();
    }
}
