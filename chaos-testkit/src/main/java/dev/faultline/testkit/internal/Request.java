package dev.faultline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request, decoded: method, path segments, query parameters, body.
 *
 * @param method the HTTP method
 * @param rawPath the path as sent
 * @param segments the path's segments, percent-decoded
 * @param query query parameters, each with all its values
 * @param body the body bytes
 */
public record Request(String method, String rawPath, List<String> segments, Map<String, List<String>> query,
        byte[] body) {

    /**
     * Decodes a request.
     *
     * @param method the method
     * @param rawPath the raw path
     * @param rawQuery the raw query, or null
     * @param body the body
     * @return the request
     */
    public static Request of(String method, String rawPath, String rawQuery, byte[] body) {
        List<String> segments = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(decodePath(s));
            }
        }
        return new Request(method, rawPath, List.copyOf(segments), parseForm(rawQuery), body);
    }

    /**
     * Parses {@code a=1&b=2&b=3} into a map of lists.
     *
     * @param form the text, or null
     * @return the parameters in order
     */
    public static Map<String, List<String>> parseForm(String form) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return out;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /**
     * Decodes a path segment (a {@code +} stays a plus).
     *
     * @param s the raw segment
     * @return the decoded text
     */
    public static String decodePath(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * The first value of a query parameter.
     *
     * @param name the name
     * @return the value, if given
     */
    public Optional<String> param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /**
     * The body as a JSON object (an empty object for an empty body).
     *
     * @return the object
     * @throws ApiException 400 when the body is not a JSON object
     */
    public JsonNode json() {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw ApiException.validation("The request body must be a JSON object.");
            }
            return n;
        } catch (java.io.IOException e) {
            throw ApiException.validation("The request body is not valid JSON: " + e.getMessage());
        }
    }
}
