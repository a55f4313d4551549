package dev.faultline.core.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.validation.JsonPointer;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The JSON form of a {@link SafetyPolicy}: reading collects every problem with its location and
 * throws one {@link PolicyException}, never returning a half-read policy; writing leaves out
 * what is not set, so that reading it back gives an equal policy.
 */
final class PolicyJson {

    static final List<String> FIELDS = List.of("name", "description", "maxPercent", "maxCount", "maxDuration",
            "forbidAllOnTagSelectedTargets", "requireAlarmStopCondition", "requireHypothesis",
            "forbidIrreversibleActions", "allowedActions", "forbiddenActions", "requiredTags", "allowedAccounts",
            "allowedRegions", "productionMarkers", "productionPolicy");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final List<String> problems = new ArrayList<>();

    private PolicyJson() {}

    // ---- reading -------------------------------------------------------------------------

    static SafetyPolicy read(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PolicyException(source, List.of("malformed JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new PolicyException(source, List.of("the document is empty; a policy is a JSON object"));
        }
        PolicyJson reader = new PolicyJson();
        SafetyPolicy policy = reader.policy(root, "");
        if (!reader.problems.isEmpty() || policy == null) {
            throw new PolicyException(source, reader.problems);
        }
        return policy;
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private SafetyPolicy policy(JsonNode node, String at) {
        if (!node.isObject()) {
            problem(at, "expected an object (a policy), got " + describe(node));
            return null;
        }
        int before = problems.size();
        SafetyPolicy.Builder b = SafetyPolicy.builder();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            String path = JsonPointer.append(at, name);
            if (!FIELDS.contains(name)) {
                List<String> near = Suggestions.nearest(name, FIELDS, 1);
                problem(path, "unknown field; " + (near.isEmpty() ? "the fields are " + String.join(", ", FIELDS)
                        : "did you mean '" + near.get(0) + "'?"));
            } else if (!value.isNull()) {
                field(b, name, value, path);
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem(at, e.getMessage());
            return null;
        }
    }

    private void field(SafetyPolicy.Builder b, String name, JsonNode value, String path) {
        switch (name) {
            case "name":
                text(value, path, b::name);
                break;
            case "description":
                text(value, path, b::description);
                break;
            case "maxPercent":
                integer(value, path, 1, 100, b::maxPercent);
                break;
            case "maxCount":
                integer(value, path, 1, Integer.MAX_VALUE, b::maxCount);
                break;
            case "maxDuration":
                duration(value, path, b::maxDuration);
                break;
            case "forbidAllOnTagSelectedTargets":
                bool(value, path, b::forbidAllOnTagSelectedTargets);
                break;
            case "requireAlarmStopCondition":
                bool(value, path, b::requireAlarmStopCondition);
                break;
            case "requireHypothesis":
                bool(value, path, b::requireHypothesis);
                break;
            case "forbidIrreversibleActions":
                bool(value, path, b::forbidIrreversibleActions);
                break;
            case "allowedActions":
                strings(value, path, "an action id pattern such as \"aws:ec2:*\"", b::addAllowedAction);
                break;
            case "forbiddenActions":
                strings(value, path, "an action id pattern such as \"aws:ec2:*\"", b::addForbiddenAction);
                break;
            case "allowedAccounts":
                strings(value, path, "a 12-digit account ID", account -> {
                    if (PolicyInvariants.isAccount(account)) {
                        b.addAllowedAccount(account);
                    } else {
                        problem(path, "'" + account + "' is not a 12-digit account ID");
                    }
                });
                break;
            case "allowedRegions":
                strings(value, path, "a Region code such as \"eu-west-1\"", b::addAllowedRegion);
                break;
            case "requiredTags":
                tags(value, path, b::addRequiredTag);
                break;
            case "productionMarkers":
                tags(value, path, b::addProductionMarker);
                break;
            default: // productionPolicy
                SafetyPolicy nested = policy(value, path);
                if (nested != null) {
                    b.productionPolicy(nested);
                }
                break;
        }
    }

    private void text(JsonNode value, String path, Consumer<String> set) {
        if (value.isTextual()) {
            set.accept(value.textValue());
        } else {
            problem(path, "expected a string, got " + describe(value));
        }
    }

    private void integer(JsonNode value, String path, int min, int max, Consumer<Integer> set) {
        if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() >= min && value.longValue() <= max) {
            set.accept(value.intValue());
        } else {
            problem(path, "expected an integer " + (max == Integer.MAX_VALUE ? "of at least " + min
                    : "from " + min + " to " + max) + ", got " + describe(value));
        }
    }

    private void duration(JsonNode value, String path, Consumer<Duration> set) {
        if (value.isTextual()) {
            try {
                Duration d = FisDuration.parse(value.textValue());
                if (!d.isNegative() && !d.isZero()) {
                    set.accept(d);
                    return;
                }
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problem(path, "expected a positive ISO-8601 duration such as \"PT4H\", got " + describe(value));
    }

    private void bool(JsonNode value, String path, Consumer<Boolean> set) {
        if (value.isBoolean()) {
            set.accept(value.booleanValue());
        } else {
            problem(path, "expected true or false, got " + describe(value));
        }
    }

    private void strings(JsonNode value, String path, String what, Consumer<String> add) {
        if (!value.isArray()) {
            problem(path, "expected an array of strings, each " + what + ", got " + describe(value));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (item.isTextual() && !item.textValue().isBlank()) {
                add.accept(item.textValue());
            } else {
                problem(JsonPointer.append(path, i), "expected " + what + ", got " + describe(item));
            }
        }
    }

    /** {@code {"Owner": "*", "Environment": ["production", "prod"]}}. */
    private void tags(JsonNode value, String path, Consumer<TagPattern> add) {
        if (!value.isObject()) {
            problem(path, "expected an object of tag keys to a value pattern or an array of them, got "
                    + describe(value));
            return;
        }
        for (Map.Entry<String, JsonNode> tag : value.properties()) {
            String at = JsonPointer.append(path, tag.getKey());
            JsonNode values = tag.getValue();
            TagPattern.Builder t = TagPattern.builder().key(tag.getKey());
            int before = problems.size();
            if (values.isTextual()) {
                t.addValue(values.textValue());
            } else if (values.isArray() && values.size() > 0) {
                strings(values, at, "a value pattern (\"*\" for any value)", t::addValue);
            } else {
                problem(at, "expected a value pattern (\"*\" for any value) or a non-empty array of them, got "
                        + describe(values));
            }
            if (problems.size() == before) {
                try {
                    add.accept(t.build());
                } catch (IllegalArgumentException | IllegalStateException e) {
                    problem(at, e.getMessage());
                }
            }
        }
    }

    private void problem(String path, String message) {
        problems.add((path.isEmpty() ? "/" : path) + ": " + message);
    }

    private static String describe(JsonNode node) {
        switch (node.getNodeType()) {
            case STRING:
                return "the string \"" + node.textValue() + "\"";
            case NUMBER:
                return "the number " + node.asText();
            case BOOLEAN:
                return node.asText();
            case ARRAY:
                return "an array";
            case OBJECT:
                return "an object";
            case NULL:
                return "null";
            default:
                return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    // ---- writing -------------------------------------------------------------------------

    static String write(SafetyPolicy p) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        try {
            return MAPPER.writer(printer).writeValueAsString(tree(p)) + "\n";
        } catch (JsonProcessingException e) {
            throw new PolicyException("The policy could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode tree(SafetyPolicy p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        p.name().ifPresent(v -> o.put("name", v));
        p.description().ifPresent(v -> o.put("description", v));
        p.maxPercent().ifPresent(v -> o.put("maxPercent", v));
        p.maxCount().ifPresent(v -> o.put("maxCount", v));
        p.maxDuration().ifPresent(v -> o.put("maxDuration", v.toString()));
        flag(o, "forbidAllOnTagSelectedTargets", p.forbidAllOnTagSelectedTargets());
        flag(o, "requireAlarmStopCondition", p.requireAlarmStopCondition());
        flag(o, "requireHypothesis", p.requireHypothesis());
        flag(o, "forbidIrreversibleActions", p.forbidIrreversibleActions());
        array(o, "allowedActions", p.allowedActions());
        array(o, "forbiddenActions", p.forbiddenActions());
        tags(o, "requiredTags", p.requiredTags());
        array(o, "allowedAccounts", p.allowedAccounts());
        array(o, "allowedRegions", p.allowedRegions());
        tags(o, "productionMarkers", p.productionMarkers());
        p.productionPolicy().ifPresent(nested -> o.set("productionPolicy", tree(nested)));
        return o;
    }

    private static void flag(ObjectNode o, String name, boolean value) {
        if (value) {
            o.put(name, true);
        }
    }

    private static void array(ObjectNode o, String name, Collection<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = o.putArray(name);
            values.forEach(a::add);
        }
    }

    private static void tags(ObjectNode o, String name, List<TagPattern> tags) {
        if (tags.isEmpty()) {
            return;
        }
        ObjectNode t = o.putObject(name);
        for (TagPattern tag : tags) {
            if (tag.values().size() == 1) {
                t.put(tag.key(), tag.values().iterator().next());
            } else {
                ArrayNode a = t.putArray(tag.key());
                tag.values().forEach(a::add);
            }
        }
    }
}
