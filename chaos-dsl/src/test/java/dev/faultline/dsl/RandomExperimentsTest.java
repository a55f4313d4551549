package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random experiments built from every typed action: the JSON reads back to the same
 * experiment, a shared draft is never changed by what is built on it, and validation never
 * throws. The seed is in the test name, so a failure can be replayed.
 */
class RandomExperimentsTest {

    static LongStream seeds() {
        return new SplittableRandom(20261127L).longs(40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomExperiment_roundTrips_andSharedDraftsStayUnchanged(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        List<FaultAction<?>> actions = new ArrayList<>(CatalogCoverageTest.everyAction().values());
        ExperimentDraft draft = experiment("random-" + seed).description("seed " + seed)
                .role("arn:aws:iam::123456789012:role/r");
        if (random.nextBoolean()) {
            draft = draft.stopWhen(alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a" + random.nextInt(5)));
        }
        List<String> names = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ExperimentDraft before = draft;
            Experiment snapshot = before.build();
            FaultAction<?> action = actions.get(random.nextInt(actions.size())).description("step " + i);
            String name = "a" + i;
            draft = !names.isEmpty() && random.nextBoolean()
                    ? draft.action(name, action.after(names.get(random.nextInt(names.size()))))
                    : random.nextBoolean() ? draft.then(name, action) : draft.action(name, action);
            names.add(name);
            assertThat(before.build()).as("seed %d: the shared draft is unchanged", seed).isEqualTo(snapshot);
        }
        Experiment built = draft.build();
        assertThat(built.actions()).hasSize(count);
        assertThat(TemplateJson.parse(draft.toJson())).as("seed %d", seed).isEqualTo(built);
        assertThat(draft.build()).isEqualTo(built);
        // the validator turns a rule that throws into a validator.internal violation: none may appear
        assertThat(Validator.standard().with(SafetyPolicy.production()).validate(built).violations())
                .as("seed %d", seed).extracting(Violation::code).doesNotContain("template.rule-failed", "json.reader-failed");
    }
}
