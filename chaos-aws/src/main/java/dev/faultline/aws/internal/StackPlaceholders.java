package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the sample placeholders of a template ({@code <YOUR AWS ACCOUNT>}, {@code <YOUR REGION>},
 * {@code <YOUR ROLE NAME>} and their other spellings) into CloudFormation: an account placeholder
 * becomes the pseudo-parameter {@code ${AWS::AccountId}}, a Region placeholder {@code ${AWS::Region}},
 * any other one a template parameter named after it ({@code <YOUR ROLE NAME>} is {@code ${RoleName}});
 * a string that holds one becomes an {@code Fn::Sub}, with its own <code>${</code> escaped as <code>${!</code>.
 * A string that already holds a pseudo-parameter ({@code ${AWS::Region}}) becomes an {@code Fn::Sub} too.
 * Only values are rewritten; object keys cannot hold an intrinsic function and are kept.
 * One instance serves one document; it collects the parameters it introduced.
 */
public final class StackPlaceholders {

    /** {@code <…>} with upper-case words joined by spaces, hyphens or underscores. */
    static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z][A-Za-z0-9 _-]*)>");

    private static final Set<String> NOISE = Set.of("YOUR", "AWS", "THE");

    /** How a pseudo-parameter starts, as {@code StopCondition.definedAlarmArn} writes one. */
    private static final String PSEUDO = "${AWS::";

    private final Map<String, String> parameters = new LinkedHashMap<>();

    /**
     * The pseudo-parameter or parameter reference a placeholder stands for.
     *
     * @param placeholder the text between the angle brackets, for example {@code YOUR AWS ACCOUNT}
     * @return for example {@code AWS::AccountId}, {@code AWS::Region} or {@code RoleName}
     */
    public static String meaning(String placeholder) {
        List<String> words = words(placeholder);
        List<String> core = words.stream().filter(w -> !NOISE.contains(w)).toList();
        if (core.equals(List.of("ACCOUNT")) || core.equals(List.of("ACCOUNT", "ID"))) {
            return "AWS::AccountId";
        }
        if (core.equals(List.of("REGION"))) {
            return "AWS::Region";
        }
        StringBuilder name = new StringBuilder();
        for (String w : core.isEmpty() ? words : core) {
            name.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Value");
        }
        return name.toString();
    }

    private static List<String> words(String placeholder) {
        return List.of(placeholder.trim().toUpperCase(Locale.ROOT).split("[ _-]+"));
    }

    /**
     * A copy of a tree with every string that holds a placeholder replaced by an {@code Fn::Sub}.
     *
     * @param node the tree (resource properties)
     * @return the rewritten copy
     */
    public JsonNode rewrite(JsonNode node) {
        if (node.isObject() && node.size() == 1
                && (node.has("Ref") || node.fieldNames().next().startsWith("Fn::"))) {
            return node;   // already an intrinsic function, written by the stack itself
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(f -> out.set(f.getKey(), rewrite(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> out.add(rewrite(item)));
            return out;
        }
        if (node.isTextual()) {
            return rewriteText(node.asText());
        }
        return node;
    }

    private JsonNode rewriteText(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        boolean placeholder = m.find();
        if (!placeholder && !text.contains(PSEUDO)) {
            return TextNode.valueOf(text);
        }
        StringBuilder sub = new StringBuilder();
        int last = 0;
        while (placeholder) {
            sub.append(escape(text.substring(last, m.start())));
            String meaning = meaning(m.group(1));
            if (!meaning.startsWith("AWS::")) {
                parameters.putIfAbsent(meaning, m.group());
            }
            sub.append("${").append(meaning).append('}');
            last = m.end();
            placeholder = m.find();
        }
        sub.append(escape(text.substring(last)));
        ObjectNode fn = JsonNodeFactory.instance.objectNode();
        fn.put("Fn::Sub", sub.toString());
        return fn;
    }

    /** Escapes a text's own <code>${</code>, except before a pseudo-parameter, which {@code Fn::Sub} is to fill in. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int at;
        while ((at = text.indexOf("${", i)) >= 0) {
            out.append(text, i, at).append(text.startsWith(PSEUDO, at) ? "${" : "${!");
            i = at + 2;
        }
        return out.append(text.substring(i)).toString();
    }

    /**
     * The template parameters this instance introduced, by name, each with the first placeholder
     * it replaced.
     *
     * @return the parameters, in the order first seen
     */
    public Map<String, String> parameters() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
