package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.layout.FieldLocation;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.Seeds;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Write then read gives an equal experiment and no violation, for generated experiments of
 * the {@code ANY} profile (valid ones and the edge cases FIS refuses), compact and indented;
 * and writing what was read, with its source layout, gives the same text again, so empty
 * collections survive too (and every collection the generated layout keeps empty is written).
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
        roundTrip(seed, g, TemplateJson.write(g.experiment(), g.layout()), false);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("prettySeeds")
    void pretty_writeThenRead_givesAnEqualExperimentAndNoViolation(long seed) {
        ExperimentGenerator.Generated g = ANY.generateWithLayout(seed);
        roundTrip(seed, g, TemplateJson.writePretty(g.experiment(), g.layout()), true);
    }

    private static void roundTrip(long seed, ExperimentGenerator.Generated g, String json, boolean pretty) {
        Experiment e = g.experiment();
        String context = PropertyChecks.describe(seed, pretty ? "writePretty then read" : "write then read", json);
        writtenAt(g.layout(), json, context);
        ReadResult read = TemplateJson.read(json);

        assertThat(read.violations().violations()).as(context).isEmpty();
        assertThat(read.experiment()).as(context).contains(e);
        Experiment again = read.experiment().orElseThrow();
        assertThat(pretty ? TemplateJson.writePretty(again, read.layout()) : TemplateJson.write(again, read.layout()))
                .as(context).isEqualTo(json);
    }

    /** Every location the layout keeps is in the JSON, as an object or array (its pointer is the location's text). */
    private static void writtenAt(SourceLayout layout, String json, String context) {
        try {
            JsonNode tree = new ObjectMapper().readTree(json);
            for (FieldLocation l : layout.keptEmpty()) {
                assertThat(tree.at(l.toString()).isContainerNode()).as("%s written, %s", l, context).isTrue();
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
