package dev.faultline.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.testing.LargeTemplates;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.util.SplittableRandom;

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

    /**
     * Large templates (up to 20,000 actions in every startAfter shape, up to 100,000 tags), with
     * fuzzed text spliced in: reading, validating and planning them stays within a memory bound
     * linear in their size (bytes allocated, not time), with short messages and capped output.
     */
    @FuzzTest(maxDuration = "60s")
    void largeTemplate_costsMemoryLinearInItsSize(FuzzedDataProvider data) {
        long seed = data.consumeLong();
        LargeTemplates.Shape shape = LargeTemplates.Shape.values()[data.consumeInt(0, LargeTemplates.Shape.values().length - 1)];
        int actions = data.consumeInt(1, 20_000);
        int tags = data.consumeInt(0, 100_000);
        String json = LargeTemplates.generate(new SplittableRandom(seed), shape, actions, 1 + actions / 50, tags);
        String splice = data.consumeRemainingAsString();
        if (!splice.isEmpty()) {
            int at = Math.floorMod(seed, json.length());
            json = json.substring(0, at) + splice + json.substring(at);
        }
        LargeTemplates.checkBoundedCost(json, "seed=" + seed + " " + shape + " " + actions + " actions " + tags + " tags: ");
    }
}
