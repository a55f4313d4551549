package dev.faultline.core.property;

import dev.faultline.core.testing.LargeTemplates;
import dev.faultline.core.testing.Seeds;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates far beyond 4 KB (thousands of actions in chains, cycles, DAGs and unknown
 * references; thousands of tags; skipped elements) are read, validated and planned within a
 * memory bound linear in their size: the bytes the test thread allocates (ThreadMXBean) stay under
 * {@value LargeTemplates#BYTES_PER_INPUT_BYTE} per input byte plus {@value LargeTemplates#FIXED_MB} MB, which a quadratic
 * pass over thousands of actions (hints naming every action, a cycle copied per action) breaks.
 * Messages and hints stay short, and the capped view keeps at most 20 per code.
 */
class LargeTemplatePropertyTest {

    static LongStream seeds() {
        return Seeds.cases("large-templates").limit(Integer.getInteger("faultline.largeCases", 12));
    }

    static Stream<Arguments> shapes() {
        return Stream.of(LargeTemplates.Shape.values()).flatMap(shape -> Stream.of(
                Arguments.of(shape, 20_000, 0)));
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    @Timeout(120) // a guard against hangs, not a speed check: speed is the benchmarks' job
    void largeTemplate_costsMemoryLinearInItsSize_andStaysBoundedInOutput(long seed) {
        String json = LargeTemplates.generate(new SplittableRandom(seed), 8_000, 20_000);
        check(json, PropertyChecks.describe(seed, "large template of " + json.length() + " chars", json));
    }

    @ParameterizedTest(name = "{0} of {1} actions")
    @MethodSource("shapes")
    @Timeout(120) // a guard against hangs, not a speed check
    void everyShape_atTwentyThousandActions_costsMemoryLinearInItsSize(LargeTemplates.Shape shape, int actions, int tags) {
        String json = LargeTemplates.generate(new SplittableRandom(actions), shape, actions, 1 + actions / 50, tags);
        check(json, shape + " of " + actions + " actions: ");
    }

    @ParameterizedTest(name = "{0} tags")
    @MethodSource("tagCounts")
    @Timeout(120) // a guard against hangs, not a speed check
    void manyTags_costMemoryLinearInTheirNumber(int tags) {
        String json = LargeTemplates.generate(new SplittableRandom(tags), LargeTemplates.Shape.PARALLEL, 3, 1, tags);
        check(json, tags + " tags: ");
    }

    static Stream<Integer> tagCounts() {
        return Stream.of(1_000, 200_000);
    }

    private static void check(String json, String context) {
        LargeTemplates.checkBoundedCost(json, context);
    }
}
