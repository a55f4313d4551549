package dev.faultline.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.List;

/**
 * Replaces CloudFormation intrinsic functions by {@code ${…}} placeholders, the way
 * {@code Fn::Sub} would write them: {@code Ref X} is {@code ${X}}, {@code Fn::GetAtt [A, B]} is
 * {@code ${A.B}}, {@code Fn::Sub} keeps its text, {@code Fn::Join} joins its parts; other
 * functions become {@code ${Fn::Name}}. Each replacement is a {@code cfn.intrinsic} warning.
 */
final class Intrinsics {

    private Intrinsics() {}

    static JsonNode resolve(JsonNode node, String path, List<Violation> found) {
        if (node.isObject()) {
            String fn = function(node);
            if (fn != null) {
                String text = render(node);
                found.add(Violation.warning(ViolationCode.CFN_INTRINSIC_UNRESOLVED, path, fn + " is resolved by CloudFormation at deploy time;"
                        + " imported as the placeholder '" + text + "'.",
                        "Replace it with the resolved value before compiling for FIS."));
                return TextNode.valueOf(text);
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(f -> out.set(f.getKey(),
                    resolve(f.getValue(), JsonPointer.append(path, f.getKey()), found)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                out.add(resolve(node.get(i), JsonPointer.append(path, i), found));
            }
            return out;
        }
        return node;
    }

    /** The function name of a one-field object {@code {"Ref": …}} or {@code {"Fn::X": …}}, else null. */
    static String function(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return null;
        }
        String name = node.fieldNames().next();
        return name.equals("Ref") || name.matches("Fn::[A-Za-z]+(::[A-Za-z0-9]+)?") ? name : null;
    }

    static String render(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        String fn = function(node);
        if (fn == null) {
            return "${?}";
        }
        JsonNode arg = node.get(fn);
        switch (fn) {
            case "Ref":
                return "${" + render(arg) + "}";
            case "Fn::GetAtt":
                if (arg.isArray() && arg.size() == 2) {
                    return "${" + render(arg.get(0)) + "." + render(arg.get(1)) + "}";
                }
                return arg.isTextual() ? "${" + arg.asText() + "}" : "${Fn::GetAtt}";
            case "Fn::Sub":
                if (arg.isTextual()) {
                    return arg.asText();
                }
                return arg.isArray() && arg.size() > 0 && arg.get(0).isTextual() ? arg.get(0).asText() : "${Fn::Sub}";
            case "Fn::Join":
                if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isArray()) {
                    StringBuilder out = new StringBuilder();
                    for (int i = 0; i < arg.get(1).size(); i++) {
                        out.append(i == 0 ? "" : arg.get(0).asText()).append(render(arg.get(1).get(i)));
                    }
                    return out.toString();
                }
                return "${Fn::Join}";
            default:
                return "${" + fn + "}";
        }
    }
}
