package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import dev.faultline.core.validation.Violation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number field of a template, given every extreme number: the reader keeps the rest of
 * the template, reports the field at its own path if at all, and takes no longer than for a
 * small number ({@code 1e1000000} must not be expanded to a million digits).
 */
class NumberBoundaryTest {

    private static final long SEED = 20_261_127L;

    /** A field holding a number, as JSON to put in a template, with its JSON Pointer. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"\"creationTime\":%s", "/creationTime"},
            new String[] {"\"lastUpdateTime\":%s", "/lastUpdateTime"},
            new String[] {"\"targetAccountConfigurationsCount\":%s", "/targetAccountConfigurationsCount"},
            new String[] {"\"logConfiguration\":{\"logSchemaVersion\":%s,\"s3Configuration\":{\"bucketName\":\"logs\"}}",
                "/logConfiguration/logSchemaVersion"},
            new String[] {"\"hypothesis\":{\"conditions\":[{\"namespace\":\"AWS/EC2\",\"metricName\":\"CPUUtilization\","
                + "\"statistic\":\"Average\",\"comparison\":\"LessThanThreshold\",\"threshold\":%s}]}",
                "/hypothesis/conditions/0/threshold"});

    static Stream<Arguments> fieldsAndNumbers() {
        return FIELDS.stream().flatMap(f -> JsonMutator.extremeNumbers().stream()
                .map(n -> Arguments.of(f[1], f[0], n)));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("fieldsAndNumbers")
    void extremeNumber_isReadWithoutCrashOrDelay_andReportedAtItsPath(String pointer, String field, String number) {
        String template = ExperimentGenerator.valid().template(SEED, false);
        String json = "{" + String.format(field, number) + "," + template.substring(1);
        String context = PropertyChecks.describe(SEED, pointer + " = " + number, json);

        ReadResult read = PropertyChecks.readAndValidate(json, context);

        assertThat(read.experiment()).as(context).isPresent();
        assertThat(read.violations().violations()).as(context)
                .filteredOn(Violation::isError)
                .extracting(Violation::path)
                .allMatch(pointer::equals);
    }
}
