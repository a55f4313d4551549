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
import java.util.Optional;

/** The target section of the API rules: resource type, identification by ARNs, tags or filters, selection modes, target parameter values and filters. */
final class TargetApiRules {

    private static final String LAMBDA_LATEST = "$LATEST";
    private static final JsonPointer TARGETS = JsonPointer.parse("/targets");

    private TargetApiRules() {}

    static void targets(Experiment e, ValidationContext context, List<Violation> out) {
        for (Map.Entry<String, TemplateTarget> entry : e.targets().entrySet()) {
            String name = entry.getKey();
            if (!ApiRules.nameFits(name)) {
                ApiRules.name(name, TARGETS.child(name), "The target name", out);
            }
            target(name, entry.getValue(), context, out);
        }
    }

    /** The target's path with one more field, built only for a violation. */
    private static JsonPointer at(String target, String field) {
        return append(TARGETS.child(target), field);
    }

    private static void target(String name, TemplateTarget t, ValidationContext context, List<Violation> out) {
        String type = context.resourceType(t).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
        if (type == null || !Checks.fits(type, 1, 128)) {
            resourceType(name, type, out);
        }
        selection(name, context.selectionMode(t).orElse(null), out);
        arns(name, t.resourceArns(), out);
        identification(name, t, out);
        if (!ApiRules.tagsFit(t.resourceTags(), false)) {
            ApiRules.tags(t.resourceTags(), at(name, "resourceTags"), false, out);
        }
        List<Filter> filters = t.filters();
        for (int i = 0; i < filters.size(); i++) {
            filter(filters.get(i), name, i, out);
        }
        for (Map.Entry<String, String> p : t.parameters().entrySet()) {
            parameter(name, p.getKey(), p.getValue(), out);
        }
    }

    private static void resourceType(String name, String type, List<Violation> out) {
        if (type == null) {
            required(Optional.empty(), TARGETS.child(name), "resourceType", "The target's resource type",
                    "Set \"resourceType\", for example \"aws:ec2:instance\".", out);
        } else {
            length(type, 1, 128, TARGETS.child(name), "resourceType", "The resource type", out);
        }
    }

    /** The number of ARNs and the length of each. */
    private static void arns(String name, List<String> arns, List<Violation> out) {
        if (arns.size() > ApiRules.MAX_ARNS) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_TOO_MANY, at(name, "resourceArns").toString(),
                    "The target lists " + arns.size() + " ARNs; FIS allows at most " + ApiRules.MAX_ARNS + ".",
                    "Split the resources over several targets, or choose them by tags."));
        }
        for (int i = 0; i < arns.size(); i++) {
            if (!Checks.fits(arns.get(i), 20, 2048)) {
                length(arns.get(i), 20, 2048, append(at(name, "resourceArns"), i), "The ARN", out);
            }
        }
    }

    /** How the target names its resources: ARNs, or tags and filters, or parameters; not ARNs with tags or filters. */
    private static void identification(String name, TemplateTarget t, List<Violation> out) {
        boolean arns = !t.resourceArns().isEmpty();
        if (arns && !t.resourceTags().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_TAGS_CONFLICT, at(name, "resourceTags").toString(),
                    "You cannot specify both resource ARNs and resource tags for a target.",
                    "Keep either resourceArns or resourceTags."));
        }
        if (arns && !t.filters().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_ARNS_FILTERS_CONFLICT, at(name, "filters").toString(),
                    "You cannot specify both resource ARNs and filters for a target.",
                    "Filters narrow a tag-based selection; drop them or choose the resources by tags."));
        }
        if (!arns && t.resourceTags().isEmpty() && t.filters().isEmpty() && t.parameters().isEmpty()) {
            out.add(Violation.error(ViolationCode.TARGET_IDENTIFICATION_MISSING, TARGETS.child(name).toString(),
                    "The target names no resources: it has no ARNs, tags, filters or parameters.",
                    "Add resourceArns, or resourceTags (optionally with filters)."));
        }
    }

    /** A resource-type parameter: lengths, and the characters FIS's pattern takes. */
    private static void parameter(String name, String key, String value, List<Violation> out) {
        if (Checks.fits(key, 1, 64) && Checks.fits(value, 1, 1024) && !parameterValueReported(value)) {
            return; // the common case: no path to build
        }
        JsonPointer pat = append(at(name, "parameters"), key);
        length(key, 1, 64, pat, "The parameter name", out);
        length(value, 1, 1024, pat, "The parameter value", out);
        targetParameterValue(value, pat, out);
    }

    private static void selection(String name, SelectionMode mode, List<Violation> out) {
        if (mode != null && (mode.kind() == SelectionMode.Kind.ALL || mode.kind() == SelectionMode.Kind.COUNT && mode.value() >= 1
                || mode.kind() == SelectionMode.Kind.PERCENT && mode.value() >= 1 && mode.value() <= 100)) {
            return; // ALL, COUNT(n >= 1) or PERCENT(1..100): nothing to report, no path to build
        }
        JsonPointer path = at(name, "selectionMode");
        if (mode == null) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, path.toString(), "The target's selection mode is required.",
                    "Set \"selectionMode\" to ALL, COUNT(n) or PERCENT(n)."));
            return;
        }
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

    /** What {@link #scan} returns for a value the pattern takes as it is. */
    private static final int CLEAN = -1;
    /** What {@link #scan} returns for a value whose only doubtful characters are commas. */
    private static final int COMMA = -2;

    /** Tells whether {@link #targetParameterValue} reports anything about the value, without a path. */
    private static boolean parameterValueReported(String value) {
        return scan(value) != CLEAN;
    }

    /**
     * Scans a value against the target-parameter value pattern, anchored:
     * {@code ^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$}.
     *
     * @return the first code point the pattern refuses, or {@link #COMMA} when the only ones outside
     *     it are commas, or {@link #CLEAN}
     */
    private static int scan(String value) {
        if (Placeholders.contains(value)) {
            return CLEAN; // reported as a placeholder by ArnRules
        }
        if (LAMBDA_LATEST.equals(value)) {
            return CLEAN; // the documented functionQualifier value, although the model's pattern has no '$'
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
            return c;
        }
        return comma ? COMMA : CLEAN;
    }

    /** Reports what {@link #scan} finds in a target parameter's value. */
    private static void targetParameterValue(String value, JsonPointer path, List<Violation> out) {
        int found = scan(value);
        if (found >= 0) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_FORMAT, path.toString(), "The value holds '" + new String(Character.toChars(found))
                            + "', which FIS does not accept in a target parameter.",
                    "Use only letters, digits, spaces and _ . : / = + - @."));
        } else if (found == COMMA) {
            out.add(Violation.warning(ViolationCode.TARGET_PARAMETER_COMMA_AMBIGUOUS, path.toString(),
                    "The value holds a comma, which FIS's API pattern excludes although its docs use comma-separated lists here.",
                    "Check that FIS accepts it, or use a single value."));
        }
    }

    /** A filter: its path and values; a clean one costs no pointer. */
    private static void filter(Filter f, String target, int index, List<Violation> out) {
        String path = f.path().orElse(null); // read once: each call of a model accessor makes an Optional
        List<String> values = f.values();
        if (path != null && Checks.fits(path, 1, 256) && badElement(path) < 0 && !misused(path) && !values.isEmpty()
                && valuesFit(values)) {
            return;
        }
        filterProblems(path, values, append(at(target, "filters"), index), out);
    }

    private static boolean valuesFit(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Checks.fits(values.get(i), 0, 128)) {
                return false;
            }
        }
        return true;
    }

    /** The start of the first element of a filter path (between dots) that is empty or not PascalCase, or -1. */
    private static int badElement(String path) {
        for (int start = 0, end; start <= path.length(); start = end + 1) {
            end = path.indexOf('.', start);
            end = end < 0 ? path.length() : end;
            if (end == start || !Character.isUpperCase(path.charAt(start))) {
                return start;
            }
        }
        return -1;
    }

    private static boolean misused(String path) {
        return path.startsWith("Tags") || path.startsWith("Tag.");
    }

    private static void filterProblems(String path, List<String> values, JsonPointer at, List<Violation> out) {
        if (path == null) {
            required(Optional.empty(), at, "path", "The filter path", "Set \"path\", for example \"State.Name\".", out);
        }
        length(path, 1, 256, at, "path", "The filter path", out);
        if (path != null) {
            int start = badElement(path);
            if (start >= 0) {
                int end = path.indexOf('.', start);
                end = end < 0 ? path.length() : end;
                out.add(Violation.warning(ViolationCode.TARGET_FILTER_PATH_FORMAT, append(at, "path").toString(),
                        "Filter path '" + path + "' has the element '" + path.substring(start, end)
                                + "'; FIS paths are dot-separated PascalCase names.",
                        "Write each element in PascalCase, for example Placement.AvailabilityZone."));
            }
            if (misused(path)) {
                out.add(Violation.warning(ViolationCode.TARGET_FILTER_PATH_MISUSED, append(at, "path").toString(),
                        "Filtering on tags with a filter is not supported.", "Use resourceTags for tags."));
            }
        }
        if (values.isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, append(at, "values").toString(), "The filter's values are required.",
                    "Give at least one value; several values are ORed."));
        }
        for (int i = 0; i < values.size(); i++) {
            length(values.get(i), 0, 128, append(append(at, "values"), i), "The filter value", out);
        }
    }
}
