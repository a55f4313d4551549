package dev.faultline.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an {@link Inventory}:
 * {@code {"resources":[{"type","id","arn"?,"tags"?,"attributes"?}]}}, read and written.
 */
final class InventoryJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InventoryJson() {}

    /**
     * Reads the resources of a document.
     *
     * @param json the document
     * @param file the file it came from, or null
     * @return the resources, in document order
     * @throws InventoryException if the text is not JSON or not an inventory
     */
    static List<SimResource.Builder> read(String json, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new InventoryException(where(file) + "is not JSON: " + e.getMessage(), file, e);
        }
        JsonNode list = root == null ? null : root.get("resources");
        if (list == null || !list.isArray()) {
            throw new InventoryException(where(file) + "is not an inventory: an inventory is an object with a"
                    + " \"resources\" array.", file, null);
        }
        List<SimResource.Builder> out = new ArrayList<>();
        int i = 0;
        for (Iterator<JsonNode> it = list.elements(); it.hasNext(); i++) {
            JsonNode r = it.next();
            String type = r.path("type").asText(null);
            String id = r.path("id").asText(null);
            if (type == null || id == null) {
                throw new InventoryException(where(file) + "resources[" + i + "] needs \"type\" and \"id\".", file,
                        null);
            }
            SimResource.Builder b = SimResource.builder(type, id);
            try {
                if (r.hasNonNull("arn")) {
                    b.arn(r.get("arn").asText());
                }
                if (r.has("tags")) {
                    b.tags(JSON.convertValue(r.get("tags"), new TypeReference<Map<String, String>>() { }));
                }
                if (r.has("attributes")) {
                    Map<String, Object> attrs = JSON.convertValue(r.get("attributes"),
                            new TypeReference<Map<String, Object>>() { });
                    attrs.forEach(b::attribute);
                }
            } catch (IllegalArgumentException e) {
                throw new InventoryException(where(file) + "resources[" + i + "]: " + e.getMessage(), file, e);
            }
            out.add(b);
        }
        return out;
    }

    /**
     * Reads the resources of a file.
     *
     * @param file the file
     * @return the resources, in document order
     * @throws InventoryException if the file cannot be read or does not hold an inventory
     */
    static List<SimResource.Builder> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InventoryException("The inventory file " + file + " cannot be read: " + e, file, e);
        }
        return read(text, file);
    }

    /**
     * Writes resources as an inventory document, indented.
     *
     * @param resources the resources
     * @return the JSON text
     * @throws InventoryException if an attribute value cannot be written as JSON
     */
    static String write(Collection<SimResource> resources) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SimResource r : resources) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", r.type());
            m.put("id", r.id());
            m.put("arn", r.arn());
            m.put("tags", r.tags());
            m.put("attributes", r.attributes());
            list.add(m);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("resources", list));
        } catch (JsonProcessingException e) {
            throw new InventoryException("The inventory cannot be written as JSON: " + e.getOriginalMessage(), null, e);
        }
    }

    private static String where(Path file) {
        return file == null ? "The inventory " : "The inventory file " + file + " ";
    }
}
