package dev.faultline.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.testkit.internal.ApiException;
import dev.faultline.testkit.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Pagination with {@code maxResults} and an opaque {@code nextToken}. */
final class Paging {

    private static final String PREFIX = "localfis:";

    private Paging() {}

    static ObjectNode page(List<JsonNode> items, String field, Optional<String> maxResults, Optional<String> nextToken,
            int max) {
        int size = max;
        if (maxResults.isPresent()) {
            try {
                size = Integer.parseInt(maxResults.get());
            } catch (NumberFormatException e) {
                throw ApiException.validation("maxResults must be a number between 1 and " + max + ".");
            }
            if (size < 1 || size > max) {
                throw ApiException.validation("1 validation error detected: Value '" + size
                        + "' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and " + max);
            }
        }
        int from = 0;
        if (nextToken.isPresent()) {
            from = decode(nextToken.get());
        }
        ObjectNode o = Json.object();
        ArrayNode list = o.putArray(field);
        int to = Math.min(items.size(), from + size);
        for (int i = from; i < to; i++) {
            list.add(items.get(i));
        }
        if (to < items.size()) {
            o.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((PREFIX + to).getBytes(StandardCharsets.UTF_8)));
        }
        return o;
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int n = Integer.parseInt(text.substring(PREFIX.length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.validation("The nextToken is not valid.");
    }
}
