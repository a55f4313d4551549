package dev.faultline.core.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a string value against a parameter definition. The loader uses it to check the
 * documented defaults and conditions of the data files.
 */
final class ParameterValues {

    private ParameterValues() {
    }

    /** Returns what is wrong with the value, or empty when the parameter accepts it. */
    static Optional<String> problem(ParameterDefinition parameter, String value) {
        switch (parameter.type()) {
            case DURATION:
                return durationProblem(parameter, value);
            case INTEGER:
            case PERCENT:
                return numberProblem(parameter, value, true);
            case NUMBER:
                return numberProblem(parameter, value, false);
            case BOOLEAN:
                return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                        ? Optional.empty() : Optional.of("is not true or false");
            case ENUM:
                return parameter.enumValues().contains(value)
                        ? Optional.empty() : Optional.of("is not one of " + parameter.enumValues());
            case LIST:
                return listProblem(parameter, value);
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> durationProblem(ParameterDefinition parameter, String value) {
        Duration duration;
        try {
            duration = Duration.parse(value);
        } catch (DateTimeParseException e) {
            return Optional.of("is not an ISO-8601 duration");
        }
        if (parameter.durationMin().filter(min -> duration.compareTo(min) < 0).isPresent()
                || parameter.durationMax().filter(max -> duration.compareTo(max) > 0).isPresent()) {
            return Optional.of("is outside " + parameter.durationMin().orElseThrow() + ".."
                    + parameter.durationMax().orElseThrow());
        }
        return Optional.empty();
    }

    private static Optional<String> numberProblem(ParameterDefinition parameter, String value, boolean whole) {
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            return Optional.of("is not a number");
        }
        if (whole && number.stripTrailingZeros().scale() > 0) {
            return Optional.of("is not a whole number");
        }
        if (parameter.min().filter(min -> number.compareTo(min) < 0).isPresent()
                || parameter.max().filter(max -> number.compareTo(max) > 0).isPresent()) {
            return Optional.of("is outside " + parameter.min().map(BigDecimal::toPlainString).orElse("")
                    + ".." + parameter.max().map(BigDecimal::toPlainString).orElse(""));
        }
        return Optional.empty();
    }

    private static Optional<String> listProblem(ParameterDefinition parameter, String value) {
        List<String> items = List.of(value.split(",", -1));
        if (items.stream().anyMatch(String::isBlank)) {
            return Optional.of("has an empty item");
        }
        if (parameter.maxItems().isPresent() && items.size() > parameter.maxItems().getAsInt()) {
            return Optional.of("has more than " + parameter.maxItems().getAsInt() + " items");
        }
        if (!parameter.itemValues().isEmpty()) {
            for (String item : items) {
                if (!parameter.itemValues().contains(item.trim())) {
                    return Optional.of("has item \"" + item.trim() + "\", not one of " + parameter.itemValues());
                }
            }
        }
        return Optional.empty();
    }
}
