package dev.faultline.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON node of a catalog data file together with the file name and the path that leads to
 * it, so that every read can fail with a message naming the file and the field.
 */
final class DataNode {

    private final String file;
    private final String path;
    private final JsonNode node;

    private DataNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Wraps the root of a file, which must be a JSON object. */
    static DataNode root(String file, JsonNode node) {
        DataNode root = new DataNode(file, "", node);
        if (node == null || !node.isObject()) {
            throw root.error("the file must hold a JSON object");
        }
        return root;
    }

    /** Returns the same node with a label (such as the entry's ID) appended to its path. */
    DataNode labelled(String label) {
        return new DataNode(file, path + " (" + label + ")", node);
    }

    /** Returns the path of a field of this node, for messages. */
    String pathOf(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** Returns an exception about this node. */
    CatalogException error(String message) {
        return new CatalogException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Returns an exception about a field of this node. */
    CatalogException error(String field, String message) {
        return new CatalogException(file + ": " + pathOf(field) + ": " + message);
    }

    /** Rejects any field not in the list, suggesting the closest allowed name. */
    void allowOnly(String... fields) {
        List<String> allowed = Arrays.asList(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String hint = Suggestions.best(name, allowed).map(best -> "did you mean \"" + best + "\"? ").orElse("");
                throw error(name, "unknown field; " + hint + "allowed fields are " + String.join(", ", allowed));
            }
        }
    }

    /** Tells whether the field is present and not null. */
    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** Reads a required, non-blank string field. */
    String text(String field) {
        return optionalText(field).orElseThrow(() -> error(field, "required field is missing"));
    }

    /** Reads an optional string field; when present it must be a non-blank string. */
    Optional<String> optionalText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(field, "must be a non-empty string, got " + value);
        }
        return Optional.of(value.asText());
    }

    /** Reads a required string field that may be empty. */
    String textAllowEmpty(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw error(field, "must be a string, got " + value);
        }
        return value.asText();
    }

    /** Reads a required boolean field. */
    boolean requiredBool(String field) {
        if (!has(field)) {
            throw error(field, "required field is missing (true or false)");
        }
        return bool(field, false);
    }

    /** Reads an optional boolean field. */
    boolean bool(String field, boolean defaultValue) {
        if (!has(field)) {
            return defaultValue;
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw error(field, "must be true or false, got " + value);
        }
        return value.booleanValue();
    }

    /** Reads an optional whole-number field. */
    Optional<Integer> optionalInt(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw error(field, "must be a whole number, got " + value);
        }
        return Optional.of(value.intValue());
    }

    /** Reads an optional number field. */
    Optional<BigDecimal> optionalDecimal(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw error(field, "must be a number, got " + value);
        }
        return Optional.of(value.decimalValue());
    }

    /** Reads an optional array of distinct non-blank strings; missing means empty. */
    List<String> texts(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw error(field, "must be an array of strings, got " + value);
        }
        Set<String> items = new LinkedHashSet<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank()) {
                throw error(field + "[" + i + "]", "must be a non-empty string, got " + item);
            }
            if (!items.add(item.asText())) {
                throw error(field + "[" + i + "]", "duplicate value \"" + item.asText() + "\"");
            }
        }
        return List.copyOf(items);
    }

    /** Reads an array of objects; missing means empty unless the field is required. */
    List<DataNode> objects(String field, boolean required) {
        if (!has(field)) {
            if (required) {
                throw error(field, "required field is missing (an array of objects)");
            }
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw error(field, "must be an array of objects, got " + value.getNodeType());
        }
        List<DataNode> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            DataNode item = new DataNode(file, pathOf(field) + "[" + i + "]", value.get(i));
            if (!value.get(i).isObject()) {
                throw item.error("must be an object, got " + value.get(i).getNodeType());
            }
            items.add(item);
        }
        return items;
    }

    /** Reads an optional object field. */
    Optional<DataNode> optionalObject(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isObject()) {
            throw error(field, "must be an object, got " + value.getNodeType());
        }
        return Optional.of(new DataNode(file, pathOf(field), value));
    }

    /** Reads a required object field. */
    DataNode object(String field) {
        return optionalObject(field).orElseThrow(() -> error(field, "required field is missing (an object)"));
    }

    /** Returns the field names of this object, in file order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
