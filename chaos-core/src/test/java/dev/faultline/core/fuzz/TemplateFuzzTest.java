package dev.faultline.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;

/**
 * Coverage-guided fuzzing of the template reader and the validator with Jazzer.
 *
 * <p>In a normal test run this replays the inputs under
 * {@code src/test/resources/dev/faultline/core/fuzz/TemplateFuzzTestInputs/}; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl chaos-core test -Dtest=TemplateFuzzTest}.
 */
class TemplateFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void readAndValidate_neverThrowsNorCrashesARule(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        ReadResult read = TemplateJson.read(text);
        ValidationResult result = read.validate(Validator.standard());
        assertThat(result.violations()).extracting(Violation::code)
                .doesNotContain("json.reader-failed", "template.rule-failed");
        read.experiment().ifPresent(e -> {
            // what was read can always be written and read back to an equal experiment
            ReadResult again = TemplateJson.read(TemplateJson.write(e));
            assertThat(again.experiment()).contains(e);
        });
    }
}
