package dev.faultline.core.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks the {@code parameters} arrays of the catalog data files. */
final class ParameterReader {

    private static final String[] FIELDS = {
        "name", "type", "required", "requiredUnconfirmed", "requiredWhen", "appliesOnlyWith", "default", "min", "max", "values",
        "durationMin", "durationMax", "itemValues", "maxItems", "description", "unconfirmed"
    };

    private ParameterReader() {
    }

    /** Reads the parameters array of an action, resource type or SSM document, keyed by name. */
    static Map<String, ParameterDefinition> readAll(DataNode owner) {
        Map<String, ParameterDefinition> parameters = new LinkedHashMap<>();
        Map<String, DataNode> nodes = new LinkedHashMap<>();
        for (DataNode node : owner.objects("parameters", false)) {
            ParameterDefinition parameter = read(node);
            if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
                throw node.error("name", "duplicate parameter \"" + parameter.name() + "\"");
            }
            nodes.put(parameter.name(), node.labelled(parameter.name()));
        }
        for (ParameterDefinition parameter : parameters.values()) {
            checkCondition(nodes.get(parameter.name()), parameter, parameters);
        }
        return parameters;
    }

    private static ParameterDefinition read(DataNode raw) {
        raw.allowOnly(FIELDS);
        // interned as the template readers intern field names: looking a template's parameter up
        // by name then finds the catalog's entry by reference, with no character compared
        String name = raw.text("name").intern();
        DataNode node = raw.labelled(name);
        String typeId = node.text("type");
        ParameterType type = ParameterType.fromId(typeId).orElseThrow(() -> node.error("type",
                "unknown parameter type \"" + typeId + "\"; expected one of " + ParameterType.allIds()));
        boolean required = node.requiredBool("required");
        boolean requiredUnconfirmed = node.bool("requiredUnconfirmed", false);
        if (required && requiredUnconfirmed) {
            throw node.error("requiredUnconfirmed", "a parameter with an unconfirmed required flag must be optional");
        }
        ParameterDefinition.Builder builder = ParameterDefinition.builder(name, type)
                .required(required)
                .requiredUnconfirmed(requiredUnconfirmed)
                .description(node.text("description"))
                .unconfirmed(node.optionalText("unconfirmed").orElse(null))
                .appliesOnlyWith(node.optionalText("appliesOnlyWith").orElse(null));
        Optional<DataNode> when = node.optionalObject("requiredWhen");
        if (when.isPresent()) {
            if (required) {
                throw node.error("requiredWhen", "a required parameter cannot also be conditionally required");
            }
            builder.requiredWhen(readCondition(when.get()));
        }
        readRange(node, type, builder);
        readValues(node, type, builder);
        readDurationRange(node, type, builder);
        readListLimits(node, type, builder);
        readDefault(node, builder);
        return builder.build();
    }

    private static void readDefault(DataNode node, ParameterDefinition.Builder builder) {
        if (!node.has("default")) {
            return;
        }
        String value = node.textAllowEmpty("default");
        ParameterValues.check(builder.build(), value).stream().findFirst().ifPresent(problem -> {
            throw node.error("default", "default \"" + value + "\": " + problem.message());
        });
        builder.defaultValue(value);
    }

    private static ParameterCondition readCondition(DataNode node) {
        node.allowOnly("parameter", "equals", "description");
        Optional<String> parameter = node.optionalText("parameter");
        List<String> values = node.texts("equals");
        if (parameter.isPresent() != !values.isEmpty()) {
            throw node.error("\"parameter\" and \"equals\" must be given together");
        }
        Optional<String> description = node.optionalText("description");
        if (parameter.isEmpty() && description.isEmpty()) {
            throw node.error("needs either \"parameter\" and \"equals\", or a \"description\"");
        }
        return new ParameterCondition(parameter.orElse(null), values,
                description.orElseGet(() -> parameter.get() + " is " + String.join(" or ", values)));
    }

    private static void checkCondition(DataNode node, ParameterDefinition parameter,
            Map<String, ParameterDefinition> siblings) {
        Optional<String> with = parameter.appliesOnlyWith();
        if (with.isPresent() && (!siblings.containsKey(with.get()) || with.get().equals(parameter.name()))) {
            throw node.error("appliesOnlyWith", "names no other parameter: \"" + with.get() + "\"");
        }
        Optional<ParameterCondition> when = parameter.requiredWhen();
        if (when.isEmpty() || when.get().parameter().isEmpty()) {
            return;
        }
        String other = when.get().parameter().get();
        ParameterDefinition decider = siblings.get(other);
        if (decider == null || decider == parameter) {
            throw node.error("requiredWhen.parameter", "names no other parameter: \"" + other + "\"");
        }
        for (String value : when.get().values()) {
            ParameterValues.check(decider, value).stream().findFirst().ifPresent(problem -> {
                throw node.error("requiredWhen.equals", "value \"" + value + "\" of " + other + ": " + problem.message());
            });
        }
    }

    private static void readRange(DataNode node, ParameterType type, ParameterDefinition.Builder builder) {
        Optional<BigDecimal> min = node.optionalDecimal("min");
        Optional<BigDecimal> max = node.optionalDecimal("max");
        boolean numeric = type == ParameterType.INTEGER || type == ParameterType.PERCENT || type == ParameterType.NUMBER;
        if (!numeric && (min.isPresent() || max.isPresent())) {
            throw node.error(min.isPresent() ? "min" : "max", "only integer, percent and number parameters have a range");
        }
        if (type != ParameterType.NUMBER) {
            for (String field : new String[] {"min", "max"}) {
                Optional<BigDecimal> bound = field.equals("min") ? min : max;
                if (bound.isPresent() && bound.get().stripTrailingZeros().scale() > 0) {
                    throw node.error(field, "must be a whole number for a " + type.id() + " parameter");
                }
            }
        }
        if (type == ParameterType.PERCENT && (min.isEmpty() || max.isEmpty())) {
            throw node.error("a percent parameter needs both min and max");
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw node.error("min", "min " + min.get() + " is greater than max " + max.get());
        }
        builder.range(min.orElse(null), max.orElse(null));
    }

    private static void readValues(DataNode node, ParameterType type, ParameterDefinition.Builder builder) {
        List<String> values = node.texts("values");
        if (type == ParameterType.ENUM && values.isEmpty()) {
            throw node.error("values", "an enum parameter needs at least one value");
        }
        if (type != ParameterType.ENUM && !values.isEmpty()) {
            throw node.error("values", "only enum parameters have values (lists use itemValues)");
        }
        builder.enumValues(values);
    }

    private static void readDurationRange(DataNode node, ParameterType type, ParameterDefinition.Builder builder) {
        boolean any = node.has("durationMin") || node.has("durationMax");
        if (type != ParameterType.DURATION) {
            if (any) {
                throw node.error(node.has("durationMin") ? "durationMin" : "durationMax",
                        "only duration parameters have a duration range");
            }
            return;
        }
        Duration min = duration(node, "durationMin");
        Duration max = duration(node, "durationMax");
        if (min.isNegative() || min.isZero() || min.compareTo(max) > 0) {
            throw node.error("durationMin", "need 0 < durationMin <= durationMax, got " + min + ".." + max);
        }
        builder.durationRange(min, max);
    }

    private static Duration duration(DataNode node, String field) {
        String text = node.optionalText(field).orElseThrow(() -> node.error(field,
                "a duration parameter needs durationMin and durationMax (ISO-8601, for example PT1M)"));
        try {
            return FisDuration.parse(text);
        } catch (DateTimeParseException e) {
            throw node.error(field, "not an ISO-8601 duration: \"" + text + "\"");
        }
    }

    private static void readListLimits(DataNode node, ParameterType type, ParameterDefinition.Builder builder) {
        List<String> items = node.texts("itemValues");
        Optional<Integer> maxItems = node.optionalInt("maxItems");
        if (type != ParameterType.LIST && (!items.isEmpty() || maxItems.isPresent())) {
            throw node.error(items.isEmpty() ? "maxItems" : "itemValues", "only list parameters have item limits");
        }
        if (maxItems.isPresent() && maxItems.get() < 1) {
            throw node.error("maxItems", "must be at least 1, got " + maxItems.get());
        }
        builder.itemValues(items).maxItems(maxItems.orElse(null));
    }
}
