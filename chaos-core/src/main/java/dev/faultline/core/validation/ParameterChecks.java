package dev.faultline.core.validation;

import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.Suggestions;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Checks one parameter value (a string, as on the wire) against its catalog definition. */
final class ParameterChecks {

    private ParameterChecks() {}

    /**
     * Adds a violation when the value does not fit the definition.
     *
     * @param parent the JSON Pointer of the object holding the value, and {@code key} its name:
     *     the path is joined only when a violation is reported
     * @param codes the codes to report with: those of action, target or SSM document parameters
     */
    static void check(ParameterDefinition def, String value, String parent, String key, ParameterCodes codes, List<Violation> out) {
        check(def, value, LazyPointer.of(parent), key, codes, out);
    }

    /** As {@link #check(ParameterDefinition, String, String, String, String, List)}, the parent's pointer built only for a violation. */
    static void check(ParameterDefinition def, String value, LazyPointer parent, String key, ParameterCodes codes, List<Violation> out) {
        if (Placeholders.contains(value)) {
            return; // reported as a placeholder by ArnRules
        }
        switch (def.type()) {
            case DURATION:
                duration(def, value, parent, key, codes, out);
                break;
            case INTEGER:
            case PERCENT:
                number(def, value, parent, key, codes, true, out);
                break;
            case NUMBER:
                number(def, value, parent, key, codes, false, out);
                break;
            case BOOLEAN:
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    out.add(Violation.error(codes.type, JsonPointer.append(parent.toString(), key), def.name() + " must be true or false, was '" + value + "'.",
                            "Write \"true\" or \"false\"."));
                }
                break;
            case ENUM:
                if (!def.enumValues().contains(value)) {
                    List<String> near = Suggestions.nearest(value, def.enumValues(), 1);
                    out.add(Violation.error(codes.valueUnknown, JsonPointer.append(parent.toString(), key), "'" + value + "' is not a value of " + def.name()
                                    + "; it takes " + String.join(", ", def.enumValues()) + ".",
                            near.isEmpty() ? "Use one of " + String.join(", ", def.enumValues()) + "."
                                    : "Did you mean '" + near.get(0) + "'?"));
                }
                break;
            case LIST:
                list(def, value, parent, key, codes, out);
                break;
            case JSON:
                if (!value.trim().startsWith("{") && !value.trim().startsWith("[")) {
                    out.add(Violation.error(codes.type, JsonPointer.append(parent.toString(), key), def.name() + " must be a JSON document written as a string.",
                            "Write a JSON object as a string, for example \"{\\\"DurationSeconds\\\":\\\"60\\\"}\"."));
                }
                break;
            default:
                break;
        }
    }

    private static void duration(ParameterDefinition def, String value, LazyPointer parent, String key, ParameterCodes codes, List<Violation> out) {
        Duration d;
        try {
            d = FisDuration.parse(value);
        } catch (DateTimeException e) {
            out.add(Violation.error(codes.format, JsonPointer.append(parent.toString(), key), "'" + value + "' is not an ISO-8601 duration.",
                    durationHint(value)));
            return;
        }
        boolean low = def.durationMin().filter(min -> d.compareTo(min) < 0).isPresent();
        boolean high = def.durationMax().filter(max -> d.compareTo(max) > 0).isPresent();
        if (low || high || d.isNegative()) {
            out.add(Violation.error(codes.range, JsonPointer.append(parent.toString(), key), def.name() + " " + value + " is outside "
                            + def.durationMin().map(Duration::toString).orElse("PT0S") + ".."
                            + def.durationMax().map(Duration::toString).orElse("") + ".",
                    "Use a duration from " + def.durationMin().map(Duration::toString).orElse("PT0S") + " to "
                            + def.durationMax().map(Duration::toString).orElse("the maximum") + "."));
        }
    }

    private static String durationHint(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.startsWith("P")) {
            try {
                if (Duration.parse("PT" + v).toString() != null) {
                    return "Did you mean 'PT" + v + "'? Durations are ISO-8601, such as PT5M.";
                }
            } catch (DateTimeException ignored) {
                // no better hint
            }
        }
        return "Write an ISO-8601 duration such as PT5M or PT1H30M.";
    }

    private static void number(ParameterDefinition def, String value, LazyPointer parent, String key, ParameterCodes codes, boolean whole,
            List<Violation> out) {
        BigDecimal n;
        try {
            n = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            out.add(Violation.error(codes.type, JsonPointer.append(parent.toString(), key), def.name() + " must be a number, was '" + value + "'.",
                    "Write a " + (whole ? "whole " : "") + "number" + range(def) + "."));
            return;
        }
        if (whole && n.stripTrailingZeros().scale() > 0) {
            out.add(Violation.error(codes.type, JsonPointer.append(parent.toString(), key), def.name() + " must be a whole number, was '" + value + "'.",
                    "Write a whole number" + range(def) + "."));
            return;
        }
        boolean low = def.min().filter(min -> n.compareTo(min) < 0).isPresent();
        boolean high = def.max().filter(max -> n.compareTo(max) > 0).isPresent();
        if (low || high) {
            out.add(Violation.error(codes.range, JsonPointer.append(parent.toString(), key), def.name() + " " + value + " is outside"
                    + range(def) + ".", "Use a value" + range(def) + "."));
        }
    }

    private static String range(ParameterDefinition def) {
        if (def.min().isEmpty() && def.max().isEmpty()) {
            return "";
        }
        return " from " + def.min().map(BigDecimal::toPlainString).orElse("-∞") + " to "
                + def.max().map(BigDecimal::toPlainString).orElse("∞");
    }

    private static void list(ParameterDefinition def, String value, LazyPointer parent, String key, ParameterCodes codes, List<Violation> out) {
        String[] items = value.split(",", -1);
        if (def.maxItems().isPresent() && items.length > def.maxItems().getAsInt()) {
            out.add(Violation.error(codes.range, JsonPointer.append(parent.toString(), key), def.name() + " lists " + items.length
                    + " items; at most " + def.maxItems().getAsInt() + " are allowed.", "Remove items."));
        }
        for (String item : items) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                out.add(Violation.error(codes.type, JsonPointer.append(parent.toString(), key), def.name() + " has an empty item.",
                        "Remove the stray comma."));
                return;
            }
            if (!def.itemValues().isEmpty() && !def.itemValues().contains(trimmed)) {
                List<String> near = Suggestions.nearest(trimmed, def.itemValues(), 1);
                out.add(Violation.error(codes.valueUnknown, JsonPointer.append(parent.toString(), key), "'" + trimmed + "' is not a value of " + def.name()
                                + "; it takes " + String.join(", ", def.itemValues()) + ".",
                        near.isEmpty() ? "Use items from " + String.join(", ", def.itemValues()) + "."
                                : "Did you mean '" + near.get(0) + "'?"));
                return;
            }
        }
    }
}
