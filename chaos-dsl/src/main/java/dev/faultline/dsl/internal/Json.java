package dev.faultline.dsl.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/** Writes a flat string-to-string map as compact JSON, for SSM {@code documentParameters}. */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {}

    /**
     * Checks that a text is one well-formed JSON value.
     *
     * @param owner what the parameter belongs to, for messages
     * @param name the parameter name
     * @param json the text
     * @return the text
     * @throws IllegalArgumentException if it is not well-formed JSON
     */
    public static String checked(String owner, String name, String json) {
        Objects.requireNonNull(json, name);
        try (JsonParser parser = FACTORY.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException(name + " of " + owner + " must be a JSON document, was empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(name + " of " + owner + " must be one JSON document, was " + json);
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(name + " of " + owner + " must be a JSON document: "
                    + e.getOriginalMessage() + ", was " + json, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a map as a compact JSON object of strings.
     *
     * @param values the entries, in order
     * @return for example {@code {"DurationSeconds":"300","LoadPercent":"80"}}
     */
    public static String object(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            string(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }
}
