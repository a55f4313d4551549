package dev.faultline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.dsl.ExperimentDraft;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every example program and checks what it prints. */
class ExamplesTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                example("ComputeNodeLoss", ComputeNodeLoss::main, ComputeNodeLoss::experimentDraft,
                        "aws:ec2:stop-instances"),
                example("CpuStress", CpuStress::main, CpuStress::experimentDraft, "AWSFIS-Run-CPU-Stress"),
                example("NetworkLatency", NetworkLatency::main, NetworkLatency::experimentDraft,
                        "aws:ecs:task-network-latency"),
                example("AuroraFailover", AuroraFailover::main, AuroraFailover::experimentDraft,
                        "aws:rds:failover-db-cluster"),
                example("AzPowerInterruption", AzPowerInterruption::main, AzPowerInterruption::experimentDraft,
                        "aws:arc:start-zonal-autoshift"),
                example("MultiMetricStopCondition", MultiMetricStopCondition::main,
                        MultiMetricStopCondition::experimentDraft, "PricingThrottles"));
    }

    private static Arguments example(String name, Consumer<String[]> main, Supplier<ExperimentDraft> draft,
            String expected) {
        return Arguments.of(name, main, draft, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_runs_passesStaging_andPrintsItsTemplate(String name, Consumer<String[]> main,
            Supplier<ExperimentDraft> draft, String expected) {
        String printed = run(main);

        assertThat(printed).contains("staging: 0 errors").contains(expected);
        String json = printed.substring(printed.indexOf("\n{") + 1);
        assertThat(TemplateJson.parse(json)).isEqualTo(draft.get().build());
    }

    static String run(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
