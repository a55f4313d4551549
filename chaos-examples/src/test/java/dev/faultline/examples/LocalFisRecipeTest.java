package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Ec2;
import dev.faultline.testkit.LocalFisExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/localfis.md opens with {@link WorkerNodeLossTest}; a manual clock never advanced fails fast. */
class LocalFisRecipeTest {

    @RegisterExtension
    static LocalFisExtension manual = LocalFisExtension.builder()
            .inventory(inv -> inv.ec2Instances(4, "Role", "WorkerNode"))
            .manualClockTimeout(Duration.ofMillis(300))
            .build();

    @Test
    void localfisMd_opensWithTheRecipe_exactlyAsTested() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "localfis.md"));
        int start = doc.indexOf("```java\n") + "```java\n".length();
        String recipe = doc.substring(start, doc.indexOf("```", start));
        String test = Files.readString(Path.of("src/test/java/dev/faultline/examples/WorkerNodeLossTest.java"));
        String withoutPackage = test.substring(test.indexOf("\n\n") + 2);

        assertThat(doc.indexOf("```")).as("the recipe is the first code block").isEqualTo(start - "```java\n".length());
        assertThat(recipe).isEqualTo(withoutPackage);
    }

    @Test
    void manualClockNeverAdvanced_refusesTheRunSoon_sayingSo(FisEngine engine) {
        Experiment nodeLoss = experiment("never-advanced")
                .description("Stop a worker for a minute")
                .role("arn:aws:iam::123456789012:role/FisRole")
                .action("stop", Ec2.stopInstances(ec2Instances().tagged("Role", "WorkerNode").count(1))
                        .restartAfter(Duration.ofMinutes(1)))
                .build();

        assertThatThrownBy(() -> engine.start(nodeLoss).thenCompose(ExperimentRun::completion).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("manual clock that was not advanced");
    }
}
