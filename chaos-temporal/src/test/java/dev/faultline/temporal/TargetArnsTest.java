package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetArnsTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";

    private static Experiment writtenForAccountA() {
        return Experiment.builder()
                .description("node loss")
                .roleArn("arn:aws:iam::" + A + ":role/Fis")
                .addStopCondition(StopCondition.alarm("arn:aws:cloudwatch:us-east-1:" + A + ":alarm:HighErrors"))
                .addStopCondition(StopCondition.none())
                .putTarget("workers", TemplateTarget.builder().resourceType("aws:ec2:instance")
                        .resourceArns(List.of("arn:aws:ec2:us-east-1:" + A + ":instance/i-0123456789abcdef0"))
                        .build())
                .putAction("stop", Action.builder().actionId("aws:ec2:stop-instances").putTarget("Instances", "workers")
                        .build())
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(2)
                        .cloudWatchLogsConfiguration(CloudWatchLogsConfiguration.builder()
                                .logGroupArn("arn:aws:logs:us-east-1:" + A + ":log-group:/fis:*").build())
                        .s3Configuration(S3Configuration.builder().bucketName("fis-logs").build())
                        .build())
                .build();
    }

    @Test
    void map_anotherAccountAndRegion_movesEveryAccountScopedArnAndTakesTheTargetsRole() {
        Experiment moved = TargetArns.map(writtenForAccountA(),
                RunTarget.of(B, "eu-west-1", "arn:aws:iam::" + B + ":role/FisB"));

        assertThat(moved.roleArn()).contains("arn:aws:iam::" + B + ":role/FisB");
        assertThat(moved.stopConditions()).extracting(s -> s.value().orElse("none"))
                .containsExactly("arn:aws:cloudwatch:eu-west-1:" + B + ":alarm:HighErrors", "none");
        assertThat(moved.targets().get("workers").resourceArns())
                .containsExactly("arn:aws:ec2:eu-west-1:" + B + ":instance/i-0123456789abcdef0");
        assertThat(moved.logConfiguration().get().cloudWatchLogsConfiguration().get().logGroupArn())
                .contains("arn:aws:logs:eu-west-1:" + B + ":log-group:/fis:*");
        assertThat(moved.logConfiguration().get().s3Configuration().get().bucketName()).contains("fis-logs");
        assertThat(moved.actions()).isEqualTo(writtenForAccountA().actions());
    }

    @Test
    void map_accountOnly_keepsTheRegionsAndTheExperimentsOwnRoleWhenTheTargetNamesNone() {
        Experiment moved = TargetArns.map(writtenForAccountA(), RunTarget.of(B, "", ""));

        assertThat(moved.roleArn()).contains("arn:aws:iam::" + A + ":role/Fis");
        assertThat(moved.stopConditions().get(0).value()).contains("arn:aws:cloudwatch:us-east-1:" + B + ":alarm:HighErrors");
    }

    @Test
    void map_defaultTarget_changesNothing() {
        assertThat(TargetArns.map(writtenForAccountA(), RunTarget.defaultTarget())).isEqualTo(writtenForAccountA());
    }

    @Test
    void map_textsThatAreNoAccountScopedArn_areKept() {
        Experiment e = TargetArns.map(Experiment.builder().from(writtenForAccountA())
                .stopConditions(List.of(StopCondition.alarm("arn:aws:s3:::fis-logs"))).build(), RunTarget.of(B, "eu-west-1", ""));
        assertThat(e.stopConditions().get(0).value()).contains("arn:aws:s3:::fis-logs");
    }
}
