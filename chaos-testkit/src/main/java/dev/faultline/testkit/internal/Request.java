package dev.faultline.testkit.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
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

    /** Reads one JSON value and refuses anything after it. */
    private static final ObjectReader STRICT = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
            String k = decode(eq < 0 ? pair : pair.substring(0, eq), false);
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1), false);
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
        return decode(s, true);
    }

    private static String decode(String s, boolean path) {
        try {
            return URLDecoder.decode(path ? s.replace("+", "%2B") : s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            int at = s.indexOf('%');
            while (at >= 0 && at + 2 < s.length() && isHex(s.charAt(at + 1)) && isHex(s.charAt(at + 2))) {
                at = s.indexOf('%', at + 3);
            }
            throw ApiException.validation("The request " + (path ? "path" : "query or form") + " has a malformed"
                    + " percent-encoding" + (at >= 0 ? " at character " + at + " of \"" + shorten(s) + "\"" : "")
                    + ": % must be followed by two hexadecimal digits.");
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
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
     * @throws ApiException 400 when the body is not one JSON object (also when anything but
     *     white space follows it); the message gives the line and column, not the parser's text
     */
    public JsonNode json() {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode n;
        try {
            n = STRICT.readTree(body);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            boolean trailing = e.getMessage() != null && e.getMessage().startsWith("Trailing token");
            throw ApiException.validation(trailing ? "The request body has content after its JSON object" + where + "."
                    : "The request body is not valid JSON" + where + ".");
        } catch (java.io.IOException e) {
            throw ApiException.validation("The request body could not be read as JSON.");
        }
        if (n == null || !n.isObject()) {
            throw ApiException.validation("The request body must be a JSON object.");
        }
        return n;
    }
}
