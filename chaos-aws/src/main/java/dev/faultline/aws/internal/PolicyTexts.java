package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.Action;
import java.util.Optional;

/** Texts the policy builder takes from a template: statement ids from names, values from SSM document parameters. */
final class PolicyTexts {

    private PolicyTexts() {}

    /** A field of an SSM action's {@code documentParameters} JSON, its first element if a list; empty if absent or unreadable. */
    static Optional<String> documentParameter(Action action, String name) {
        String json = action.parameters().get("documentParameters");
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode value = new ObjectMapper().readTree(json).path(name);
            if (value.isArray() && value.size() > 0) {
                value = value.get(0);
            }
            return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A statement id part from a name: letters and digits, words capitalised. */
    static String sid(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : name.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        return out.length() == 0 ? "Action" : out.toString();
    }
}
