package dev.faultline.core.property;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.testing.ExperimentGenerator;
import dev.faultline.core.testing.JsonMutator;
import dev.faultline.core.testing.Seeds;
import dev.faultline.core.validation.Validator;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mutated valid templates never make the reader or the standard validator throw or report a
 * crash ({@code json.reader-failed}, {@code template.rule-failed}), and every violation's path is a
 * JSON Pointer. Each mutation kind runs its own cases; mixed cases chain several mutations.
 */
class MutationPropertyTest {

    private static final ExperimentGenerator VALID = ExperimentGenerator.valid();

    static Stream<Arguments> kindsAndSeeds() {
        return Arrays.stream(JsonMutator.Kind.values())
                .flatMap(kind -> Seeds.cases("mutation-" + kind).mapToObj(seed -> Arguments.of(kind, seed)));
    }

    static LongStream mixedSeeds() {
        return Seeds.cases("mutation-mixed");
    }

    static LongStream pointerSeeds() {
        return Seeds.cases("mutation-pointers");
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("kindsAndSeeds")
    @Timeout(60) // a guard against hangs, not a speed check: speed is the benchmarks' job
    void mutatedTemplate_neverMakesTheReaderOrValidatorThrow(JsonMutator.Kind kind, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String template = VALID.template(seed, random.nextBoolean());
        JsonMutator.Mutated m = JsonMutator.mutate(template, kind, random);
        PropertyChecks.readAndValidate(m.text(), PropertyChecks.describe(seed, kind + " " + m.steps(), m.text()));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("mixedSeeds")
    @Timeout(60) // a guard against hangs, not a speed check: speed is the benchmarks' job
    void mixedMutations_neverMakeTheReaderOrValidatorThrow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonMutator.Mutated m = JsonMutator.mixed(VALID.template(seed, random.nextBoolean()), random);
        PropertyChecks.readAndValidate(m.text(), PropertyChecks.describe(seed, "mixed " + m.steps(), m.text()));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("pointerSeeds")
    @Timeout(60) // a guard against hangs, not a speed check: speed is the benchmarks' job
    void violationsOfMutatedTemplates_haveJsonPointerPaths(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        JsonMutator.Mutated m = JsonMutator.mixed(VALID.template(seed, random.nextBoolean()), random);
        String context = PropertyChecks.describe(seed, "mixed " + m.steps(), m.text());
        ReadResult read = PropertyChecks.readAndValidate(m.text(), context);

        PropertyChecks.assertJsonPointers(read.violations().violations(), context + "reader: ");
        PropertyChecks.assertJsonPointers(read.validate(Validator.standard()).violations(), context + "validator: ");
    }
}
