package dev.faultline.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates identity policies the way IAM's policy simulator does, for what Faultline's
 * policies use: {@code Effect}, {@code Action}/{@code NotAction} and
 * {@code Resource}/{@code NotResource} with {@code *} and {@code ?} wildcards (action names
 * case-insensitive), and {@code Condition} blocks with the String and Arn operators (also
 * {@code ForAnyValue:}/{@code ForAllValues:} and {@code …IfExists}), {@code Bool} and
 * {@code Null}. An explicit Deny wins; then an Allow; otherwise {@code implicitDeny}, naming
 * the context keys whose absence kept an Allow from matching. Any other condition operator
 * never matches (it fails closed).
 */
public final class PolicySimulator {

    /**
     * The decision for one action and resource.
     *
     * @param action the action name
     * @param resource the resource ({@code *} when none was given)
     * @param decision {@code allowed}, {@code explicitDeny} or {@code implicitDeny}
     * @param matched the names of the policies whose statements decided
     * @param missingContext the context keys an Allow needed but the request did not give
     */
    public record Decision(String action, String resource, String decision, List<String> matched,
            List<String> missingContext) {}

    private PolicySimulator() {}

    /**
     * Simulates one action on one resource.
     *
     * @param policies the policies by name
     * @param action the action, for example {@code ec2:StopInstances}
     * @param resource the resource ARN, or {@code *}
     * @param context the context keys (lower-cased names) and their values
     * @return the decision
     */
    public static Decision simulate(Map<String, JsonNode> policies, String action, String resource,
            Map<String, List<String>> context) {
        List<String> allows = new ArrayList<>();
        List<String> denies = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        policies.forEach((name, doc) -> {
            for (JsonNode s : statements(doc)) {
                if (!applies(s, action, resource)) {
                    continue;
                }
                Set<String> absent = new LinkedHashSet<>();
                boolean holds = conditions(s.path("Condition"), context, absent);
                boolean deny = "Deny".equals(s.path("Effect").asText());
                if (holds) {
                    (deny ? denies : allows).add(name);
                } else if (!deny) {
                    missing.addAll(absent);
                }
            }
        });
        if (!denies.isEmpty()) {
            return new Decision(action, resource, "explicitDeny", dedupe(denies), List.of());
        }
        if (!allows.isEmpty()) {
            return new Decision(action, resource, "allowed", dedupe(allows), List.of());
        }
        return new Decision(action, resource, "implicitDeny", List.of(), List.copyOf(missing));
    }

    private static List<String> dedupe(List<String> names) {
        return List.copyOf(new LinkedHashSet<>(names));
    }

    private static List<JsonNode> statements(JsonNode doc) {
        JsonNode s = doc.path("Statement");
        List<JsonNode> out = new ArrayList<>();
        if (s.isArray()) {
            s.forEach(out::add);
        } else if (s.isObject()) {
            out.add(s);
        }
        return out;
    }

    private static boolean applies(JsonNode s, String action, String resource) {
        boolean actionOk = s.has("NotAction") ? !any(s.get("NotAction"), action, true)
                : any(s.path("Action"), action, true);
        boolean resourceOk = s.has("NotResource") ? !any(s.get("NotResource"), resource, false)
                : "*".equals(resource) ? s.has("Resource") : any(s.path("Resource"), resource, false);
        return actionOk && resourceOk;
    }

    private static boolean any(JsonNode patterns, String value, boolean ignoreCase) {
        for (String p : values(patterns)) {
            if (glob(p, value, ignoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> values(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isValueNode()) {
            out.add(n.asText());
        }
        return out;
    }

    static boolean glob(String pattern, String value, boolean ignoreCase) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            re.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(re.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0)
                .matcher(value).matches();
    }

    private static boolean conditions(JsonNode block, Map<String, List<String>> context, Set<String> absent) {
        boolean all = true;
        for (Map.Entry<String, JsonNode> op : block.properties()) {
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                List<String> given = context.get(key.getKey().toLowerCase(Locale.ROOT));
                if (!condition(op.getKey(), given, values(key.getValue()))) {
                    all = false;
                    if (given == null) {
                        absent.add(key.getKey());
                    }
                }
            }
        }
        return all;
    }

    private static boolean condition(String operator, List<String> given, List<String> wanted) {
        String op = operator;
        String set = "";
        int colon = op.indexOf(':');
        if (colon >= 0) {
            set = op.substring(0, colon);
            op = op.substring(colon + 1);
        }
        boolean ifExists = op.endsWith("IfExists");
        if (ifExists) {
            op = op.substring(0, op.length() - "IfExists".length());
        }
        if (op.equals("Null")) {
            boolean isNull = given == null || given.isEmpty();
            return wanted.stream().anyMatch(w -> Boolean.parseBoolean(w) == isNull);
        }
        if (given == null || given.isEmpty()) {
            return ifExists || set.equals("ForAllValues") || op.contains("Not");
        }
        boolean negated = op.contains("Not");
        String base = op.replace("Not", "");
        if (set.equals("ForAllValues")) {
            return given.stream().allMatch(g -> matchesAny(base, g, wanted) != negated);
        }
        boolean any = given.stream().anyMatch(g -> matchesAny(base, g, wanted));
        return negated ? !any : any;
    }

    private static boolean matchesAny(String op, String given, List<String> wanted) {
        for (String w : wanted) {
            boolean m;
            switch (op) {
                case "StringEquals":
                case "ArnEquals":
                case "Bool":
                    m = op.equals("Bool") ? w.equalsIgnoreCase(given) : w.equals(given);
                    break;
                case "StringEqualsIgnoreCase":
                    m = w.equalsIgnoreCase(given);
                    break;
                case "StringLike":
                case "ArnLike":
                    m = glob(w, given, false);
                    break;
                default:
                    return false;
            }
            if (m) {
                return true;
            }
        }
        return false;
    }
}
