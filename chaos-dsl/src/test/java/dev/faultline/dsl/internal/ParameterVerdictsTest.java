package dev.faultline.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.catalog.ParameterDefinition;
import dev.faultline.core.catalog.ParameterProblem;
import dev.faultline.core.catalog.ResourceTypeDefinition;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Placeholders;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One owner for parameter values: for the same value, the catalog's definition
 * ({@link ParameterDefinition#check(String)}), the validator (through a template) and the DSL's
 * argument checks ({@link Checks}) give the same verdict, message (with its range) and hint.
 * Every action and resource-type parameter of the catalog gets edge cases (blanks around values,
 * zero and negative durations, JSON that is not an object, range bounds and one past them,
 * empty strings and list items, near-miss enum values) and values from a seeded generator.
 */
class ParameterVerdictsTest {

    private static final long SEED = 20261202L;

    private static final Validator VALIDATOR = Validator.standard();

    /** The codes by kind of problem, for action and for target parameters. */
    private static final Map<ViolationCode, ParameterProblem.Kind> KINDS = Map.of(
            ViolationCode.PARAMETER_TYPE, ParameterProblem.Kind.TYPE,
            ViolationCode.PARAMETER_FORMAT, ParameterProblem.Kind.FORMAT,
            ViolationCode.PARAMETER_RANGE, ParameterProblem.Kind.RANGE,
            ViolationCode.PARAMETER_VALUE_UNKNOWN, ParameterProblem.Kind.VALUE_UNKNOWN,
            ViolationCode.TARGET_PARAMETER_TYPE, ParameterProblem.Kind.TYPE,
            ViolationCode.TARGET_PARAMETER_FORMAT, ParameterProblem.Kind.FORMAT,
            ViolationCode.TARGET_PARAMETER_RANGE, ParameterProblem.Kind.RANGE,
            ViolationCode.TARGET_PARAMETER_VALUE_UNKNOWN, ParameterProblem.Kind.VALUE_UNKNOWN);

    static Stream<Arguments> parameters() {
        List<Arguments> all = new ArrayList<>();
        for (ActionDefinition a : Catalog.defaultCatalog().actions()) {
            a.parameters().values().forEach(p -> all.add(Arguments.of(a.id(), null, p)));
        }
        for (ResourceTypeDefinition t : Catalog.defaultCatalog().resourceTypes()) {
            t.parameters().values().forEach(p -> all.add(Arguments.of(null, t.type(), p)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}{1} {2}")
    @MethodSource("parameters")
    void catalogValidatorAndDsl_giveTheSameVerdictMessageAndHint(String actionId, String resourceType,
            ParameterDefinition definition) {
        String owner = actionId != null ? actionId : resourceType;
        SplittableRandom random = new SplittableRandom(SEED ^ (owner + "/" + definition.name()).hashCode());
        for (String value : values(definition, random)) {
            if (Placeholders.contains(value)) {
                continue; // the validator leaves placeholders to its ARN rules
            }
            String context = owner + " " + definition.name() + " = '" + value + "' (seed " + SEED + ")";
            List<ParameterProblem> decided = definition.check(value);
            assertThat(validator(actionId, resourceType, definition.name(), value)).as("validator: " + context)
                    .isEqualTo(decided.stream().map(ParameterVerdictsTest::triple).collect(Collectors.toList()));
            assertThat(dsl(() -> Checks.value(owner, Optional.of(definition), definition.name(), value)))
                    .as("DSL: " + context).isEqualTo(dslText(owner, definition, decided));
        }
        typedDslValues(owner, definition, random);
    }

    /** The DSL's typed entry points agree with the definition on the text they write. */
    private static void typedDslValues(String owner, ParameterDefinition definition, SplittableRandom random) {
        Optional<ParameterDefinition> def = Optional.of(definition);
        String name = definition.name();
        switch (definition.type()) {
            case DURATION:
                for (long seconds : new long[] {-60, -1, 0, 1, 59, 60, 61, 3600, 43_200, 43_201, random.nextLong(-10, 50_000),
                        bound(definition.durationMin()), bound(definition.durationMin()) - 1,
                        bound(definition.durationMax()), bound(definition.durationMax()) + 1}) {
                    Duration d = Duration.ofSeconds(seconds);
                    assertThat(dsl(() -> Checks.duration(owner, def, name, d))).as("DSL duration %s of %s %s (seed %d)", d,
                            owner, name, SEED).isEqualTo(dslText(owner, definition, definition.check(d.toString())));
                }
                break;
            case INTEGER:
            case PERCENT:
            case NUMBER:
                for (BigDecimal n : numbers(definition, random)) {
                    String text = n.stripTrailingZeros().toPlainString();
                    assertThat(dsl(() -> Checks.number(owner, def, name, n))).as("DSL number %s of %s %s (seed %d)", n,
                            owner, name, SEED).isEqualTo(dslText(owner, definition, definition.check(text)));
                }
                break;
            case LIST:
                List<String> items = new ArrayList<>(definition.itemValues().isEmpty() ? List.of("a", "b") : definition.itemValues());
                items.add("not-an-item");
                for (int size = 1; size <= Math.min(items.size(), definition.maxItems().orElse(3) + 1); size++) {
                    List<String> list = items.subList(0, size);
                    assertThat(dsl(() -> Checks.list(owner, def, name, list))).as("DSL list %s of %s %s (seed %d)", list,
                            owner, name, SEED).isEqualTo(dslText(owner, definition, definition.check(String.join(",", list))));
                }
                break;
            default:
                break;
        }
    }

    private static long bound(Optional<Duration> d) {
        return d.map(Duration::getSeconds).orElse(60L);
    }

    private static List<BigDecimal> numbers(ParameterDefinition definition, SplittableRandom random) {
        List<BigDecimal> out = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(-1),
                new BigDecimal("100.0"), new BigDecimal("1.5"), BigDecimal.valueOf(random.nextLong(-1000, 1_000_000))));
        definition.min().ifPresent(min -> out.addAll(List.of(min, min.subtract(BigDecimal.ONE))));
        definition.max().ifPresent(max -> out.addAll(List.of(max, max.add(BigDecimal.ONE))));
        return out;
    }

    private static List<Object> triple(ParameterProblem p) {
        return List.of(p.kind(), p.message(), p.hint());
    }

    private static List<List<Object>> validator(String actionId, String resourceType, String name, String value) {
        Experiment.Builder e = Experiment.builder().description("verdicts")
                .roleArn("arn:aws:iam::123456789012:role/r");
        String path;
        if (actionId != null) {
            e.putAction("a", Action.builder().actionId(actionId).putParameter(name, value).build());
            path = JsonPointer.of("actions", "a", "parameters", name);
        } else {
            e.putTarget("t", TemplateTarget.builder().resourceType(resourceType).selectionMode(dev.faultline.core.model.SelectionMode.all())
                    .putParameter(name, value).build());
            path = JsonPointer.of("targets", "t", "parameters", name);
        }
        List<List<Object>> found = new ArrayList<>();
        for (Violation v : VALIDATOR.validate(e.build()).violations()) {
            ViolationCode code = ViolationCode.find(v.code()).orElse(null);
            if (v.path().equals(path) && KINDS.containsKey(code)) {
                found.add(List.of(KINDS.get(code), v.message(), v.hint().orElse("")));
            }
        }
        return found;
    }

    /** What the DSL says: "ok", or its exception's message. */
    private static String dsl(java.util.function.Supplier<String> call) {
        try {
            call.get();
            return "ok";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String dslText(String owner, ParameterDefinition definition, List<ParameterProblem> problems) {
        if (problems.isEmpty()) {
            return "ok";
        }
        StringBuilder text = new StringBuilder(definition.name()).append(" of ").append(owner).append(':');
        problems.forEach(p -> text.append(' ').append(p.message()).append(' ').append(p.hint()));
        return text.toString();
    }

    /** Edge cases for every type, the definition's own values and bounds, and seeded random text. */
    static Set<String> values(ParameterDefinition definition, SplittableRandom random) {
        Set<String> out = new LinkedHashSet<>(Arrays.asList("", " ", "  5 ", "5 ", "-0", "0", "1", "-1", "1e2", "1.0", "1.5",
                "+5", "0x10", "100", "101", "PT0S", "PT-5M", "-PT5M", "PT5M", " PT5M", "PT5M ", "P1D", "pt5m", "30m",
                "PT1.5S", "PT12H", "PT12H1S", "true", "TRUE", " true", "yes", "{}", " {\"a\":1}", "[]", "[1]", "null",
                "\"x\"", "1", "a,b", "a,,b", ",", "a, b", "x,y,z,w,v,u"));
        out.addAll(definition.enumValues());
        definition.enumValues().forEach(v -> out.addAll(List.of(" " + v, v.toUpperCase(java.util.Locale.ROOT), v + "x")));
        out.addAll(definition.itemValues());
        if (!definition.itemValues().isEmpty()) {
            out.add(String.join(",", definition.itemValues()));
            out.add(String.join(" , ", definition.itemValues()));
            out.add(definition.itemValues().get(0) + ",nope");
        }
        definition.min().ifPresent(min -> out.addAll(List.of(min.toPlainString(), min.subtract(BigDecimal.ONE).toPlainString(),
                " " + min.toPlainString())));
        definition.max().ifPresent(max -> out.addAll(List.of(max.toPlainString(), max.add(BigDecimal.ONE).toPlainString())));
        definition.durationMin().ifPresent(d -> out.addAll(List.of(d.toString(), d.minusSeconds(1).toString())));
        definition.durationMax().ifPresent(d -> out.addAll(List.of(d.toString(), d.plusSeconds(1).toString())));
        definition.defaultValue().ifPresent(out::add);
        String alphabet = "PT0123456789HMS.-+ ,{}[]\"abcxyzTrueFALSE";
        for (int i = 0; i < 20; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(9); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            out.add(b.toString());
        }
        for (int i = 0; i < 5; i++) {
            long seconds = random.nextLong(-100, 50_000);
            out.add(Duration.ofSeconds(seconds).toString());
            out.add(Long.toString(random.nextLong(-1000, 1_000_000)));
        }
        assertThat(out).allSatisfy(v -> {
            try {
                FisDuration.parse(v);
            } catch (DateTimeException expected) {
                // most values are no durations; parsing must only never throw anything else
            }
        });
        return out;
    }
}
