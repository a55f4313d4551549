package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.FaultlineException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scoping rules of {@code dev/faultline/aws/iam-permissions.json}, read once. */
final class PermissionRules {

    /**
     * How one IAM action is scoped.
     *
     * @param skip true when the action is granted elsewhere
     * @param resources resource templates, or {@code target}
     * @param conditions condition templates
     * @param why the reason, for notes
     */
    record Rule(boolean skip, List<String> resources, Map<String, Map<String, List<String>>> conditions, String why) {}

    private static final Map<String, Rule> RULES = load();

    private PermissionRules() {}

    /** The rule for an IAM action used by an FIS action, or null for the default. */
    static Rule rule(String actionId, String permission) {
        Rule specific = RULES.get(actionId + "|" + permission);
        return specific != null ? specific : RULES.get(permission);
    }

    private static Map<String, Rule> load() {
        try (InputStream in = PermissionRules.class.getResourceAsStream("/dev/faultline/aws/iam-permissions.json")) {
            if (in == null) {
                throw new FaultlineException("dev/faultline/aws/iam-permissions.json is missing from the class path");
            }
            JsonNode rules = new ObjectMapper().readTree(in).path("rules");
            Map<String, Rule> out = new HashMap<>();
            rules.properties().forEach(e -> out.put(e.getKey(), rule(e.getValue())));
            return out;
        } catch (IOException e) {
            throw new FaultlineException("dev/faultline/aws/iam-permissions.json cannot be read", e);
        }
    }

    private static Rule rule(JsonNode node) {
        List<String> resources = new ArrayList<>();
        node.path("resources").forEach(r -> resources.add(r.asText()));
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        node.path("conditions").properties().forEach(op -> {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            op.getValue().properties().forEach(k -> {
                List<String> values = new ArrayList<>();
                k.getValue().forEach(v -> values.add(v.asText()));
                keys.put(k.getKey(), values);
            });
            conditions.put(op.getKey(), keys);
        });
        return new Rule(node.path("skip").asBoolean(false), resources, conditions,
                node.hasNonNull("why") ? node.get("why").asText() : null);
    }
}
