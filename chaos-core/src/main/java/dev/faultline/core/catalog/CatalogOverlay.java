package dev.faultline.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * Lays an overlay file over the shipped catalog data. The overlay is in the catalog's own data
 * format ({@code formatVersion}, {@code source}) and holds any of the three lists of the shipped
 * files: {@code actions}, {@code resourceTypes}, {@code documents}. An entry whose id (type, name)
 * the shipped data has replaces it; any other is added. The merged data is then read and
 * checked exactly like the shipped data. Both are parsed by the catalog's own reader
 * ({@link JsonTree}, through {@link CatalogLoader#parse}), and merged as trees.
 */
final class CatalogOverlay {

    private CatalogOverlay() {}

    /** The shipped catalog with the overlay read from {@code in} (named {@code name} in errors). */
    static Catalog load(String name, InputStream in, Map<String, InputStream> shipped) {
        JsonNode overlay = CatalogLoader.parse(name, in);
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
            JsonNode actions = merged(CatalogLoader.ACTIONS_FILE, shipped, overlay, "actions", "id");
            JsonNode types = merged(CatalogLoader.RESOURCE_TYPES_FILE, shipped, overlay, "resourceTypes", "type");
            JsonNode documents = merged(CatalogLoader.SSM_DOCUMENTS_FILE, shipped, overlay, "documents", "name");
            return CatalogLoader.load(actions, types, documents);
        } catch (CatalogException e) {
            throw new CatalogException(name + " (overlay on the shipped catalog): " + e.getMessage(), e);
        }
    }

    /** The shipped file's tree with the overlay's entries of {@code list} laid over it. */
    private static JsonNode merged(String file, Map<String, InputStream> shipped, JsonNode overlay, String list, String key) {
        JsonNode base = CatalogLoader.parse(file, shipped.get(file));
        JsonNode extra = overlay.get(list);
        if (extra == null) {
            return base;
        }
        if (!extra.isArray()) {
            throw new CatalogException(list + ": must be an array");
        }
        if (base == null || !(base.get(list) instanceof ArrayNode)) {
            throw new CatalogException("the shipped catalog data has no " + list + " list in " + file);
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
        return base;
    }
}
