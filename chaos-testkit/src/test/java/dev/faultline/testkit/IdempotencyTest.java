package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.fis.FisAsyncClient;

@ExtendWith(LocalFisExtension.class)
class IdempotencyTest {

    @Test
    void concurrentCreates_withOneClientToken_makeOneTemplate(FisAsyncClient fis) {
        // one LocalFis for the class: count what the other tests left
        int before = fis.listExperimentTemplates(b -> { }).join().experimentTemplates().size();
        List<CompletableFuture<String>> calls = IntStream.range(0, 16)
                .mapToObj(i -> fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").clientToken("same").build())
                        .thenApply(r -> r.experimentTemplate().id()))
                .collect(Collectors.toList());
        List<String> ids = calls.stream().map(CompletableFuture::join).distinct().collect(Collectors.toList());

        assertThat(ids).hasSize(1);
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(before + 1);
    }

    @Test
    void concurrentStarts_withOneClientToken_startOneExperiment(FisAsyncClient fis, LocalFis local) {
        String templateId = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join()
                .experimentTemplate().id();
        List<String> ids = IntStream.range(0, 16)
                .mapToObj(i -> fis.startExperiment(b -> b.experimentTemplateId(templateId).clientToken("go"))
                        .thenApply(r -> r.experiment().id()))
                .collect(Collectors.toList()).stream().map(CompletableFuture::join).distinct()
                .collect(Collectors.toList());

        assertThat(ids).hasSize(1);
        assertThat(local.experimentStatus(ids.get(0))).isPresent();
        assertThat(fis.listExperiments(b -> b.experimentTemplateId(templateId)).join().experiments()).hasSize(1);
    }

    @Test
    void wrongTargetKey_isRejectedWithFissMessage(FisAsyncClient fis) {
        var bad = FisSdkTest.nodeLoss("PT5M").actions(java.util.Map.of("StopWorkers",
                software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:ec2:stop-instances").targets(java.util.Map.of("Clusters", "Workers")).build()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fis.createExperimentTemplate(bad.build()).join())
                .cause().hasMessageContaining("Unexpected target \"Clusters\" found in action");
    }
}
