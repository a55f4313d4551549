package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.validation.Violation;
import org.junit.jupiter.api.Test;

/** Edge cases the properties found in the JSON reader and writer, kept as regression tests. */
class ReaderEdgeCaseTest {

    @Test
    void threshold_negativeZero_survivesTheRoundTrip() {
        Experiment e = Experiment.builder()
                .hypothesis(Hypothesis.builder().addCondition(SteadyStateCondition.builder().threshold(-0.0).build()).build())
                .build();
        assertThat(TemplateJson.read(TemplateJson.write(e)).experiment()).contains(e);
    }

    @Test
    void logSchemaVersion_integerMaxValue_survivesTheRoundTrip_integerMinValueIsRefusedAtItsPath() {
        Experiment e = Experiment.builder()
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(Integer.MAX_VALUE).build())
                .build();
        ReadResult read = TemplateJson.read(TemplateJson.write(e));
        assertThat(read.violations().violations()).isEmpty();
        assertThat(read.experiment()).contains(e);

        Experiment negative = Experiment.builder()
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(Integer.MIN_VALUE).build())
                .build();
        assertThat(TemplateJson.read(TemplateJson.write(negative)).violations().violations())
                .extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json.value-range", "/logConfiguration/logSchemaVersion"));
    }

    @Test
    void wrapper_fieldAfterTheTemplate_isReportedOnlyAsUnknown() {
        ReadResult read = TemplateJson.read("{\"experimentTemplate\":{\"description\":\"d\"},\"x\":1}");
        assertThat(read.violations().violations()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json.field-unknown", "/x"));
    }
}
