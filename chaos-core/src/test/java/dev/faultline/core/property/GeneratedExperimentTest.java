package dev.faultline.core.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.Seeds;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The generators themselves: valid experiments are valid, and a seed always gives the same experiment. */
class GeneratedExperimentTest {

    private static final ExperimentGenerator VALID = ExperimentGenerator.valid();

    static LongStream validSeeds() {
        return Seeds.cases("valid-experiment");
    }

    static LongStream sameSeeds() {
        return Seeds.cases("same-seed");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("validSeeds")
    void validProfile_hasNoErrorFromTheStandardValidator(long seed) {
        Experiment e = VALID.generate(seed);
        String json = TemplateJson.writePretty(e);

        ValidationResult model = Validator.standard().validate(e);
        assertThat(model.errors()).as(PropertyChecks.describe(seed, "validate(experiment)", json)).isEmpty();

        ReadResult read = TemplateJson.read(json);
        ValidationResult template = read.validate(Validator.standard());
        assertThat(template.errors()).as(PropertyChecks.describe(seed, "validate(read(template))", json)).isEmpty();
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("sameSeeds")
    void sameSeed_givesTheSameExperimentAndTemplate(long seed) {
        ExperimentGenerator any = ExperimentGenerator.any();
        Experiment first = any.generate(seed);
        assertThat(any.generate(seed)).as(PropertyChecks.describe(seed, "generate twice", TemplateJson.write(first)))
                .isEqualTo(first);
        ExperimentGenerator.Generated g = any.generateWithLayout(seed);
        assertThat(any.generateWithLayout(seed).layout()).isEqualTo(g.layout());
        assertThat(any.template(seed, false)).isEqualTo(TemplateJson.write(first, g.layout()));
    }
}
