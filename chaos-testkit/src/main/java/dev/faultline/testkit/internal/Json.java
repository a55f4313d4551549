package dev.faultline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** JSON helpers for the FIS wire format. */
public final class Json {

    /** The shared mapper. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /**
     * A new empty object.
     *
     * @return the object
     */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * A new empty array.
     *
     * @return the array
     */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /**
     * Sets an epoch-seconds timestamp with millisecond precision, if the time is known.
     *
     * @param o the object
     * @param field the field name
     * @param t the time, or null
     */
    public static void time(ObjectNode o, String field, Instant t) {
        if (t != null) {
            o.put(field, BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
        }
    }

    /**
     * A string map as an object.
     *
     * @param map the map
     * @return the object
     */
    public static ObjectNode strings(Map<String, String> map) {
        ObjectNode o = object();
        map.forEach(o::put);
        return o;
    }

    /**
     * Parses text.
     *
     * @param text JSON text
     * @return the tree
     */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Serialises a tree.
     *
     * @param node the tree
     * @return the bytes, UTF-8
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
