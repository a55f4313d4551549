package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import dev.faultline.core.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number field of a template, given every extreme number, with the outcome stated for
 * each (field, number) pair: either the reader keeps the number exactly (and reports nothing
 * about it), or it reports a {@code json.type} ERROR at the field's own path and keeps the rest
 * of the template. Whole-number fields reject fractions, negative numbers and numbers beyond
 * their range; nothing is silently rounded, truncated or wrapped. Each case has a time limit
 * ({@code 1e1000000} must not be expanded to a million digits).
 */
class NumberBoundaryTest {

    private static final long SEED = 20_261_127L;

    /** One number field: JSON to put in a template, its pointer, what the reader keeps, and which numbers it takes. */
    private record Field(String json, String pointer, Function<Experiment, Optional<?>> read, Set<String> accepted) {
        @Override
        public String toString() {
            return pointer;
        }
    }

    /** The numbers of {@link JsonMutator#extremeNumbers()} that fit every kind of field. */
    private static final String BIG = "1" + "0".repeat(900);
    private static final String TINY = "0." + "0".repeat(900) + "1";

    private static final List<Field> FIELDS = List.of(
            new Field("\"creationTime\":%s", "/creationTime", e -> e.metadata().flatMap(m -> m.creationTime()),
                    Set.of("1e-1000000", "-1.5e-1000000", "2147483647", "-2147483648", "4294967296", "-0.0", "1E-7",
                            "0.999999999999", TINY)),
            new Field("\"lastUpdateTime\":%s", "/lastUpdateTime", e -> e.metadata().flatMap(m -> m.lastUpdateTime()),
                    Set.of("1e-1000000", "-1.5e-1000000", "2147483647", "-2147483648", "4294967296", "-0.0", "1E-7",
                            "0.999999999999", TINY)),
            new Field("\"targetAccountConfigurationsCount\":%s", "/targetAccountConfigurationsCount",
                    e -> e.metadata().flatMap(m -> m.targetAccountConfigurationsCount()),
                    Set.of("1e18", "31556889864403200", "9.999999999e16", "2147483647", "4294967296", "-0.0")),
            new Field("\"logConfiguration\":{\"logSchemaVersion\":%s,\"s3Configuration\":{\"bucketName\":\"logs\"}}",
                    "/logConfiguration/logSchemaVersion",
                    e -> e.logConfiguration().flatMap(l -> l.logSchemaVersion()),
                    Set.of("2147483647", "-0.0")),
            new Field("\"hypothesis\":{\"conditions\":[{\"namespace\":\"AWS/EC2\",\"metricName\":\"CPUUtilization\","
                    + "\"statistic\":\"Average\",\"comparison\":\"LessThanThreshold\",\"threshold\":%s}]}",
                    "/hypothesis/conditions/0/threshold",
                    e -> e.hypothesis().flatMap(h -> h.conditions().get(0).threshold()),
                    Set.of("1e18", "-1e18", "31556889864403200", "-31557014167219201", "1e-1000000", "-1.5e-1000000",
                            "9.999999999e16", "2147483647", "-2147483648", "4294967296", "-0.0", "1E-7",
                            "0.999999999999", TINY)));

    static Stream<Arguments> fieldsAndNumbers() {
        return FIELDS.stream().flatMap(f -> JsonMutator.extremeNumbers().stream()
                .map(n -> Arguments.of(f, n.length() > 40 ? n.substring(0, 12) + "…(" + n.length() + " chars)" : n, n,
                        f.accepted().contains(n))));
    }

    @Test
    void everyAcceptedNumber_isOneOfTheExtremeNumbers() {
        for (Field f : FIELDS) {
            assertThat(JsonMutator.extremeNumbers()).as(f.pointer()).containsAll(f.accepted());
        }
    }

    @ParameterizedTest(name = "{0} = {1}: accepted {3}")
    @MethodSource("fieldsAndNumbers")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void extremeNumber_isKeptExactly_orReportedAtItsPath(Field field, String label, String number, boolean accepted) {
        String template = ExperimentGenerator.valid().template(SEED, false);
        String json = "{" + String.format(field.json(), number) + "," + template.substring(1);
        String context = PropertyChecks.describe(SEED, field.pointer() + " = " + label, json);

        ReadResult read = PropertyChecks.readAndValidate(json, context);

        assertThat(read.experiment()).as(context).isPresent();
        List<Violation> typeErrors = read.violations().violations().stream()
                .filter(v -> v.isError() && (v.code().equals("json.value-type") || v.code().equals("json.value-range"))).toList();
        assertThat(read.violations().violations()).as(context).filteredOn(Violation::isError)
                .extracting(Violation::path).allMatch(field.pointer()::equals);
        Optional<?> value = field.read().apply(read.experiment().get());
        if (accepted) {
            assertThat(typeErrors).as(context).isEmpty();
            assertThat(value).as(context).isPresent();
            assertThat(same(value.get(), new BigDecimal(number))).as(context + " kept " + value.get()).isTrue();
        } else {
            assertThat(typeErrors).as(context).singleElement()
                    .satisfies(v -> assertThat(v.path()).isEqualTo(field.pointer()));
            assertThat(value).as(context + " must not keep a value").isEmpty();
        }
    }

    /** Whether the value read is the number written (to the nanosecond for times, to the double for doubles). */
    private static boolean same(Object value, BigDecimal number) {
        if (value instanceof Instant t) {
            BigDecimal nanos = number.movePointRight(9);
            BigDecimal expected = nanos.abs().compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ZERO
                    : nanos.setScale(0, java.math.RoundingMode.DOWN);
            BigDecimal got = BigDecimal.valueOf(t.getEpochSecond()).movePointRight(9).add(BigDecimal.valueOf(t.getNano()));
            return got.compareTo(expected) == 0 || got.subtract(expected).abs().compareTo(BigDecimal.ONE) <= 0;
        }
        if (value instanceof Double d) {
            return d == number.doubleValue();
        }
        return new BigDecimal(value.toString()).compareTo(number) == 0;
    }
}
