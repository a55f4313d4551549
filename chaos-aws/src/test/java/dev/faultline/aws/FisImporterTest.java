package dev.faultline.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Violation;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateAction;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateExperimentOptions;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateStopCondition;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTarget;

class FisImporterTest {

    private static ExperimentTemplate.Builder template() {
        return ExperimentTemplate.builder().id("EXTa1b2c3d4e5f6g7")
                .arn("arn:aws:fis:us-east-1:112233445566:experiment-template/EXTa1b2c3d4e5f6g7")
                .creationTime(Instant.ofEpochSecond(1_700_000_000)).lastUpdateTime(Instant.ofEpochSecond(1_700_000_100))
                .description("Reboot one instance").roleArn("arn:aws:iam::112233445566:role/Fis")
                .stopConditions(ExperimentTemplateStopCondition.builder().source("none").build())
                .targets(java.util.Map.of("one", ExperimentTemplateTarget.builder().resourceType("aws:ec2:instance")
                        .resourceArns("arn:aws:ec2:us-east-1:112233445566:instance/i-0123456789abcdef0")
                        .selectionMode("ALL").build()))
                .actions(java.util.Map.of("reboot", ExperimentTemplateAction.builder()
                        .actionId("aws:ec2:reboot-instances").targets(java.util.Map.of("Instances", "one")).build()));
    }

    @Test
    void fromTemplate_keepsIdArnAndTimesAsMetadata_andValidates() {
        ImportResult r = FisImporter.create().fromTemplate(template().build());

        Experiment e = r.experiment().orElseThrow();
        assertThat(r.source()).isEqualTo("EXTa1b2c3d4e5f6g7");
        assertThat(e.metadata().orElseThrow().id()).contains("EXTa1b2c3d4e5f6g7");
        assertThat(e.metadata().orElseThrow().creationTime()).contains(Instant.ofEpochSecond(1_700_000_000));
        assertThat(e.actions().get("reboot").targets()).containsEntry("Instances", "one");
        assertThat(r.violations().violations()).isEmpty();
        assertThat(FisCompiler.create().createRequest(e).description()).isEqualTo("Reboot one instance");
    }

    @Test
    void fromTemplate_unknownEnumValues_areErrorsAtTheirPath() {
        ImportResult r = FisImporter.create().fromTemplate(template().experimentOptions(
                ExperimentTemplateExperimentOptions.builder().accountTargeting("galaxy-wide")
                        .emptyTargetResolutionMode("shrug").build()).build());

        assertThat(r.violations().errors()).extracting(Violation::code, Violation::path).containsExactly(
                org.assertj.core.groups.Tuple.tuple("template.value-unknown", "/experimentOptions/accountTargeting"),
                org.assertj.core.groups.Tuple.tuple("template.value-unknown", "/experimentOptions/emptyTargetResolutionMode"));
        assertThat(r.experiment().orElseThrow().experimentOptions()).isPresent();
    }

    @Test
    void fromTemplate_validatorFindings_areReported() {
        ImportResult r = FisImporter.create().fromTemplate(template().actions(java.util.Map.of("reboot",
                ExperimentTemplateAction.builder().actionId("aws:ec2:reboot-instances")
                        .targets(java.util.Map.of("Instance", "one")).build())).build());

        assertThat(r.violations().errors()).extracting(Violation::code).contains("action.target-key-unknown");
    }
}
