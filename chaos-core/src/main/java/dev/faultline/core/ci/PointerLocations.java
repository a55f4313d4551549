package dev.faultline.core.ci;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.faultline.core.validation.JsonPointer;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line and column of each JSON Pointer in a JSON text, for reports that point into the file.
 * A pointer to a member that is not there (a missing required field) falls back to its nearest
 * ancestor that is. Text that is not JSON (YAML, say) has no locations.
 */
final class PointerLocations {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, int[]> locations;

    private PointerLocations(Map<String, int[]> locations) {
        this.locations = locations;
    }

    /** The locations of a JSON text; none when it does not parse as JSON. */
    static PointerLocations of(String text) {
        Map<String, int[]> found = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            Deque<Object> path = new ArrayDeque<>();   // String member names, int[] array counters
            Deque<String> pointers = new ArrayDeque<>();
            String pending = "";
            JsonLocation fieldAt = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    pending = JsonPointer.append(pointers.peek(), p.currentName());
                    fieldAt = p.currentTokenLocation();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    pointers.pop();
                    path.pop();
                    continue;
                }
                String pointer;
                JsonLocation at;
                if (pointers.isEmpty()) {
                    pointer = "";
                    at = p.currentTokenLocation();
                } else if (path.peek() instanceof int[]) {
                    int[] counter = (int[]) path.peek();
                    pointer = pointers.peek() + "/" + counter[0]++;
                    at = p.currentTokenLocation();
                } else {
                    pointer = pending;
                    at = fieldAt;
                }
                found.putIfAbsent(pointer, new int[] {at.getLineNr(), at.getColumnNr()});
                if (t == JsonToken.START_OBJECT) {
                    path.push("object");
                    pointers.push(pointer);
                } else if (t == JsonToken.START_ARRAY) {
                    path.push(new int[] {0});
                    pointers.push(pointer);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new PointerLocations(Map.of());
        }
        return new PointerLocations(found);
    }

    /**
     * The line and column (both from 1) of a pointer, or of its nearest present ancestor.
     *
     * @return {@code {line, column}}, or empty when the text had no locations
     */
    Optional<int[]> find(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return Optional.of(at.clone());
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
