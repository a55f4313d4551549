package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write then read gives an equal experiment and no violation, for generated experiments of
 * the {@code ANY} profile (valid ones and the edge cases FIS refuses), compact and indented;
 * and writing what was read gives the same text again, so empty collections survive too.
 */
class RoundTripPropertyTest {

    private static final ExperimentGenerator ANY = ExperimentGenerator.any();

    static LongStream compactSeeds() {
        return Seeds.cases("round-trip-compact");
    }

    static LongStream prettySeeds() {
        return Seeds.cases("round-trip-pretty");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("compactSeeds")
    void compact_writeThenRead_givesAnEqualExperimentAndNoViolation(long seed) {
        ExperimentGenerator.Generated g = ANY.generateWithLayout(seed);
        roundTrip(seed, g.experiment(), TemplateJson.write(g.experiment(), g.layout()), false);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("prettySeeds")
    void pretty_writeThenRead_givesAnEqualExperimentAndNoViolation(long seed) {
        ExperimentGenerator.Generated g = ANY.generateWithLayout(seed);
        roundTrip(seed, g.experiment(), TemplateJson.writePretty(g.experiment(), g.layout()), true);
    }

    private static void roundTrip(long seed, Experiment e, String json, boolean pretty) {
        String context = PropertyChecks.describe(seed, pretty ? "writePretty then read" : "write then read", json);
        ReadResult read = TemplateJson.read(json);

        assertThat(read.violations().violations()).as(context).isEmpty();
        assertThat(read.experiment()).as(context).contains(e);
        Experiment again = read.experiment().orElseThrow();
        assertThat(pretty ? TemplateJson.writePretty(again, read.layout()) : TemplateJson.write(again, read.layout()))
                .as(context).isEqualTo(json);
    }
}
