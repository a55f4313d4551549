package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The target section of the API rules: resource type, identification by ARNs, tags or filters, selection modes, target parameter values and filters. */
final class TargetApiRules {

    private static final String LAMBDA_LATEST = "$LATEST";
    private static final JsonPointer TARGETS = JsonPointer.parse("/targets");

    private TargetApiRules() {}

    static void targets(Experiment e, List<Violation> out) {
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            JsonPointer at = append(TARGETS, entry.getKey());
            ApiRules.name(entry.getKey(), at, "The target name", out);
            target(entry.getValue(), at, out);
        }
    }

    private static void target(TemplateTarget t, JsonPointer at, List<Violation> out) {
        String type = required(t.resourceType(), at, "resourceType", "The target's resource type",
                "Set \"resourceType\", for example \"aws:ec2:instance\".", out);
        length(type, 1, 128, at, "resourceType", "The resource type", out);
        selection(t, at, out);
        if (t.resourceArns().size() > ApiRules.MAX_ARNS) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_TOO_MANY, append(at, "resourceArns").toString(),
                    "The target lists " + t.resourceArns().size() + " ARNs; FIS allows at most " + ApiRules.MAX_ARNS + ".",
                    "Split the resources over several targets, or choose them by tags."));
        }
        for (int i = 0; i < t.resourceArns().size(); i++) {
            if (!Checks.fits(t.resourceArns().get(i), 20, 2048)) {
                length(t.resourceArns().get(i), 20, 2048, append(append(at, "resourceArns"), i), "The ARN", out);
            }
        }
        boolean arns = !t.resourceArns().isEmpty();
        if (arns && !t.resourceTags().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_TAGS_CONFLICT, append(at, "resourceTags").toString(),
                    "You cannot specify both resource ARNs and resource tags for a target.",
                    "Keep either resourceArns or resourceTags."));
        }
        if (arns && !t.filters().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_FILTERS_CONFLICT, append(at, "filters").toString(),
                    "You cannot specify both resource ARNs and filters for a target.",
                    "Filters narrow a tag-based selection; drop them or choose the resources by tags."));
        }
        if (!arns && t.resourceTags().isEmpty() && t.filters().isEmpty() && t.parameters().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISSING, at.toString(),
                    "The target names no resources: it has no ARNs, tags, filters or parameters.",
                    "Add resourceArns, or resourceTags (optionally with filters)."));
        }
        ApiRules.tags(t.resourceTags(), append(at, "resourceTags"), false, out);
        for (int i = 0; i < t.filters().size(); i++) {
            filter(t.filters().get(i), append(append(at, "filters"), i), out);
        }
        for (Map.Entry<String, String> p : t.parameters().entrySet()) {
            JsonPointer pat = append(append(at, "parameters"), p.getKey());
            length(p.getKey(), 1, 64, pat, "The parameter name", out);
            length(p.getValue(), 1, 1024, pat, "The parameter value", out);
            targetParameterValue(p.getValue(), pat, out);
        }
    }

    private static void selection(TemplateTarget t, JsonPointer at, List<Violation> out) {
        JsonPointer path = append(at, "selectionMode");
        if (t.selectionMode().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, path.toString(), "The target's selection mode is required.",
                    "Set \"selectionMode\" to ALL, COUNT(n) or PERCENT(n)."));
            return;
        }
        SelectionMode mode = t.selectionMode().get();
        switch (mode.kind()) {
            case UNRECOGNIZED:
                out.add(Violation.error(ViolationCode.TARGET_SELECTION_MODE_FORMAT, path.toString(),
                        "'" + mode.text() + "' is not a selection mode.", selectionHint(mode.text())));
                break;
            case COUNT:
                if (mode.value() < 1) {
                    out.add(Violation.error(ViolationCode.TARGET_SELECTION_MODE_RANGE, path.toString(), "COUNT(0) selects no resource.",
                            "Use COUNT(1) or more."));
                }
                break;
            case PERCENT:
                if (mode.value() < 1 || mode.value() > 100) {
                    out.add(Violation.error(ViolationCode.TARGET_SELECTION_MODE_RANGE, path.toString(),
                            mode.text() + " is outside 1..100.", "Use a percentage from 1 to 100."));
                }
                break;
            default:
                break;
        }
    }

    private static String selectionHint(String text) {
        String squeezed = text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        SelectionMode fixed = SelectionMode.of(squeezed);
        if (fixed.isValid() && !squeezed.equals(text)) {
            return "Did you mean '" + squeezed + "'?";
        }
        return "Use ALL, COUNT(n) or PERCENT(n), in capitals, for example PERCENT(20).";
    }

    /** The target-parameter value pattern, anchored: {@code ^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$}. */
    private static void targetParameterValue(String value, JsonPointer path, List<Violation> out) {
        if (Placeholders.contains(value)) {
            return; // reported as a placeholder by ArnRules
        }
        if (LAMBDA_LATEST.equals(value)) {
            return; // the documented functionQualifier value, although the model's pattern has no '$'
        }
        boolean comma = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || Character.isDigit(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.LETTER_NUMBER || Character.getType(c) == Character.OTHER_NUMBER
                    || "_.:/=+-@".indexOf(c) >= 0) {
                continue;
            }
            if (c == ',') {
                comma = true;
                continue;
            }
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_FORMAT, path.toString(), "The value holds '" + new String(Character.toChars(c))
                            + "', which FIS does not accept in a target parameter.",
                    "Use only letters, digits, spaces and _ . : / = + - @."));
            return;
        }
        if (comma) {
            out.add(Violation.warning(ViolationCode.TARGET_PARAMETER_COMMA_AMBIGUOUS, path.toString(),
                    "The value holds a comma, which FIS's API pattern excludes although its docs use comma-separated lists here.",
                    "Check that FIS accepts it, or use a single value."));
        }
    }

    private static void filter(Filter f, JsonPointer at, List<Violation> out) {
        String path = required(f.path(), at, "path", "The filter path",
                "Set \"path\", for example \"State.Name\".", out);
        length(path, 1, 256, at, "path", "The filter path", out);
        if (path != null) {
            for (int start = 0, end; start <= path.length(); start = end + 1) { // the elements between dots
                end = path.indexOf('.', start);
                end = end < 0 ? path.length() : end;
                if (end == start || !Character.isUpperCase(path.charAt(start))) {
                    out.add(Violation.warning(ViolationCode.TARGET_FILTER_PATH_FORMAT, append(at, "path").toString(),
                            "Filter path '" + path + "' has the element '" + path.substring(start, end)
                                    + "'; FIS paths are dot-separated PascalCase names.",
                            "Write each element in PascalCase, for example Placement.AvailabilityZone."));
                    break;
                }
            }
            if (path.startsWith("Tags") || path.startsWith("Tag.")) {
                out.add(Violation.warning(ViolationCode.TARGET_FILTER_PATH_MISUSED, append(at, "path").toString(),
                        "Filtering on tags with a filter is not supported.", "Use resourceTags for tags."));
            }
        }
        if (f.values().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, append(at, "values").toString(), "The filter's values are required.",
                    "Give at least one value; several values are ORed."));
        }
        for (int i = 0; i < f.values().size(); i++) {
            length(f.values().get(i), 0, 128, append(append(at, "values"), i), "The filter value", out);
        }
    }
}
