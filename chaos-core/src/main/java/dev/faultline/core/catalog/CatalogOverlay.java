package dev.faultline.core.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Lays an overlay file over the shipped catalog data. The overlay is in the catalog's own data
 * format ({@code formatVersion}, {@code source}) and holds any of the three lists of the shipped
 * files: {@code actions}, {@code resourceTypes}, {@code documents}. An entry whose id (type, name)
 * the shipped data has replaces it; any other is added. The merged data is then read and
 * checked exactly like the shipped data.
 */
final class CatalogOverlay {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private CatalogOverlay() {}

    /** The shipped catalog with the overlay read from {@code in} (named {@code name} in errors). */
    static Catalog load(String name, InputStream in, Map<String, InputStream> shipped) {
        JsonNode overlay;
        try {
            overlay = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CatalogException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(name + ": cannot be read: " + e.getMessage(), e);
        }
        if (overlay == null || !overlay.isObject()) {
            throw new CatalogException(name + ": must be a JSON object with formatVersion and actions, resourceTypes or documents");
        }
        DataNode root = DataNode.root(name, overlay);
        root.allowOnly("formatVersion", "source", "actions", "resourceTypes", "documents");
        int version = root.optionalInt("formatVersion").orElseThrow(() -> root.error("formatVersion", "required field is missing"));
        if (version != CatalogLoader.FORMAT_VERSION) {
            throw root.error("formatVersion", "unsupported format version " + version + "; this library reads "
                    + CatalogLoader.FORMAT_VERSION);
        }
        try {
            byte[] actions = merge(shipped.get(CatalogLoader.ACTIONS_FILE), overlay, "actions", "id");
            byte[] types = merge(shipped.get(CatalogLoader.RESOURCE_TYPES_FILE), overlay, "resourceTypes", "type");
            byte[] documents = merge(shipped.get(CatalogLoader.SSM_DOCUMENTS_FILE), overlay, "documents", "name");
            return CatalogLoader.load(new ByteArrayInputStream(actions), new ByteArrayInputStream(types),
                    new ByteArrayInputStream(documents));
        } catch (IOException e) {
            throw new CatalogException(name + ": the shipped catalog data cannot be read: " + e.getMessage(), e);
        } catch (CatalogException e) {
            throw new CatalogException(name + " (overlay on the shipped catalog): " + e.getMessage(), e);
        }
    }

    private static byte[] merge(InputStream shipped, JsonNode overlay, String list, String key) throws IOException {
        ObjectNode base = (ObjectNode) MAPPER.readTree(shipped);
        JsonNode extra = overlay.get(list);
        if (extra == null) {
            return MAPPER.writeValueAsBytes(base);
        }
        if (!extra.isArray()) {
            throw new CatalogException(list + ": must be an array");
        }
        ArrayNode entries = (ArrayNode) base.get(list);
        for (JsonNode entry : extra) {
            JsonNode id = entry.get(key);
            boolean replaced = false;
            if (id != null) {
                for (Iterator<JsonNode> it = entries.iterator(); it.hasNext() && !replaced; ) {
                    if (id.equals(it.next().get(key))) {
                        it.remove();
                        replaced = true;
                    }
                }
            }
            entries.add(entry);
        }
        return MAPPER.writeValueAsBytes(base);
    }
}
