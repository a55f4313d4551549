package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.validation.Violation;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Problems the properties found in the JSON reader and writer that are left to the package's
 * owner; the generators avoid these inputs until they are fixed. Enable a test with its fix.
 */
class KnownIssuesTest {

    @Test
    @Disabled("TemplateWriter.number writes -0.0 as 0 (it takes the whole-number branch), and the reader's "
            + "BigDecimal has no negative zero: write -0.0 as \"-0.0\" and read thresholds with getDoubleValue()")
    void threshold_negativeZero_survivesTheRoundTrip() {
        Experiment e = Experiment.builder()
                .hypothesis(Hypothesis.builder().addCondition(SteadyStateCondition.builder().threshold(-0.0).build()).build())
                .build();
        assertThat(TemplateJson.read(TemplateJson.write(e)).experiment()).contains(e);
    }

    @Test
    @Disabled("TemplateReader.readLog compares n.abs() with Integer.MAX_VALUE, so Integer.MIN_VALUE, which the "
            + "model holds and the writer writes, is refused: compare n with both Integer bounds instead")
    void logSchemaVersion_integerMinValue_survivesTheRoundTrip() {
        Experiment e = Experiment.builder()
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(Integer.MIN_VALUE).build())
                .build();
        ReadResult read = TemplateJson.read(TemplateJson.write(e));
        assertThat(read.violations().violations()).isEmpty();
        assertThat(read.experiment()).contains(e);
    }

    @Test
    @Disabled("TemplateReader.readTop calls unknownField on a field after the experimentTemplate wrapper without "
            + "first moving to its value, so the value is later taken for content after the document (json.syntax)")
    void wrapper_fieldAfterTheTemplate_isReportedOnlyAsUnknown() {
        ReadResult read = TemplateJson.read("{\"experimentTemplate\":{\"description\":\"d\"},\"x\":1}");
        assertThat(read.violations().violations()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("json.unknown-field", "/x"));
    }
}
