package dev.faultline.core.catalog;

import dev.faultline.core.catalog.ParameterProblem.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides, once for every user of the catalog, whether a string value (as on the wire) fits a
 * parameter definition: {@link ParameterDefinition#check(String)} is this class. Numbers and
 * JSON documents are read with surrounding blanks trimmed, durations, booleans and enum values
 * as written, list items trimmed; durations through {@link FisDuration}.
 */
final class ParameterValues {

    private ParameterValues() {}

    /** Returns what is wrong with the value: nothing (an empty list, not allocated) when the parameter accepts it. */
    static List<ParameterProblem> check(ParameterDefinition def, String value) {
        switch (def.type()) {
            case DURATION:
                return duration(def, value);
            case INTEGER:
            case PERCENT:
                return number(def, value, true);
            case NUMBER:
                return number(def, value, false);
            case BOOLEAN:
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? List.of()
                        : List.of(new ParameterProblem(Kind.TYPE, def.name() + " must be true or false, was '" + value + "'.",
                                "Write \"true\" or \"false\"."));
            case ENUM:
                return def.enumValues().contains(value) ? List.of()
                        : List.of(unknown(def, value, def.enumValues(), "Use one of "));
            case LIST:
                return list(def, value);
            case JSON:
                String trimmed = value.trim();
                return trimmed.startsWith("{") || trimmed.startsWith("[") ? List.of()
                        : List.of(new ParameterProblem(Kind.TYPE, def.name() + " must be a JSON document written as a string.",
                                "Write a JSON object as a string, for example \"{\\\"DurationSeconds\\\":\\\"60\\\"}\"."));
            default:
                return List.of();
        }
    }

    private static ParameterProblem unknown(ParameterDefinition def, String value, List<String> allowed, String use) {
        List<String> near = Suggestions.nearest(value, allowed, 1);
        return new ParameterProblem(Kind.VALUE_UNKNOWN, "'" + value + "' is not a value of " + def.name() + "; it takes "
                + String.join(", ", allowed) + ".",
                near.isEmpty() ? use + String.join(", ", allowed) + "." : "Did you mean '" + near.get(0) + "'?");
    }

    private static List<ParameterProblem> duration(ParameterDefinition def, String value) {
        long seconds = FisDuration.plainSeconds(value);
        if (seconds >= 0 && def.acceptsDurationSeconds(seconds)) {
            return List.of(); // the common case, decided without a Duration or an Optional
        }
        return durationProblems(def, value);
    }

    /** What is wrong with a duration that is not plain or not in range (kept apart so that {@link #duration} is small enough to inline). */
    private static List<ParameterProblem> durationProblems(ParameterDefinition def, String value) {
        Duration d;
        try {
            d = FisDuration.parse(value);
        } catch (DateTimeException e) {
            return List.of(new ParameterProblem(Kind.FORMAT, "'" + value + "' is not an ISO-8601 duration.", durationHint(value)));
        }
        // isPresent/get rather than filter: a lambda capturing d would be allocated for every duration checked
        boolean low = def.durationMin().isPresent() && d.compareTo(def.durationMin().get()) < 0;
        boolean high = def.durationMax().isPresent() && d.compareTo(def.durationMax().get()) > 0;
        if (low || high || d.isNegative()) {
            String min = def.durationMin().map(Duration::toString).orElse("PT0S");
            return List.of(new ParameterProblem(Kind.RANGE, def.name() + " " + value + " is outside " + min + ".."
                    + def.durationMax().map(Duration::toString).orElse("") + ".",
                    "Use a duration from " + min + " to " + def.durationMax().map(Duration::toString).orElse("the maximum") + "."));
        }
        return List.of();
    }

    private static String durationHint(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!v.startsWith("P")) {
            try {
                FisDuration.parse("PT" + v);
                return "Did you mean 'PT" + v + "'? Durations are ISO-8601, such as PT5M.";
            } catch (DateTimeException ignored) {
                // no better hint
            }
        }
        return "Write an ISO-8601 duration such as PT5M or PT1H30M.";
    }

    private static List<ParameterProblem> number(ParameterDefinition def, String value, boolean whole) {
        BigDecimal n;
        try {
            n = new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return List.of(new ParameterProblem(Kind.TYPE, def.name() + " must be a number, was '" + value + "'.",
                    "Write a " + (whole ? "whole " : "") + "number" + range(def) + "."));
        }
        if (whole && n.stripTrailingZeros().scale() > 0) {
            return List.of(new ParameterProblem(Kind.TYPE, def.name() + " must be a whole number, was '" + value + "'.",
                    "Write a whole number" + range(def) + "."));
        }
        boolean low = def.min().filter(min -> n.compareTo(min) < 0).isPresent();
        boolean high = def.max().filter(max -> n.compareTo(max) > 0).isPresent();
        if (low || high) {
            return List.of(new ParameterProblem(Kind.RANGE, def.name() + " " + value + " is outside "
                    + def.min().map(BigDecimal::toPlainString).orElse("") + ".." + def.max().map(BigDecimal::toPlainString).orElse("")
                    + ".", "Use a value" + range(def) + "."));
        }
        return List.of();
    }

    /** The range of a numeric parameter as the hints write it: {@code " from 1 to 100"}, or empty when unbounded. */
    private static String range(ParameterDefinition def) {
        if (def.min().isEmpty() && def.max().isEmpty()) {
            return "";
        }
        return " from " + def.min().map(BigDecimal::toPlainString).orElse("-∞") + " to "
                + def.max().map(BigDecimal::toPlainString).orElse("∞");
    }

    private static List<ParameterProblem> list(ParameterDefinition def, String value) {
        String[] items = value.split(",", -1);
        List<ParameterProblem> found = List.of();
        if (def.maxItems().isPresent() && items.length > def.maxItems().getAsInt()) {
            found = new ArrayList<>(2);
            found.add(new ParameterProblem(Kind.RANGE, def.name() + " lists " + items.length + " items; at most "
                    + def.maxItems().getAsInt() + " are allowed.", "Remove items."));
        }
        for (String item : items) {
            String trimmed = item.trim();
            ParameterProblem problem = null;
            if (trimmed.isEmpty()) {
                problem = new ParameterProblem(Kind.TYPE, def.name() + " has an empty item.", "Remove the stray comma.");
            } else if (!def.itemValues().isEmpty() && !def.itemValues().contains(trimmed)) {
                problem = unknown(def, trimmed, def.itemValues(), "Use items from ");
            }
            if (problem != null) {
                if (found.isEmpty()) {
                    return List.of(problem);
                }
                found.add(problem);
                return List.copyOf(found);
            }
        }
        return found.isEmpty() ? found : List.copyOf(found);
    }
}
