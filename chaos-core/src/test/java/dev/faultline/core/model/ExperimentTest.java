package dev.faultline.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExperimentTest {

    private static Experiment nodeLoss() {
        return Experiment.builder()
                .name("node-loss")
                .description("Stop 20% of the workers")
                .roleArn("arn:aws:iam::123456789012:role/FisRole")
                .putTarget("workers", TemplateTarget.builder().resourceType("aws:ec2:instance")
                        .putResourceTag("Role", "WorkerNode").addFilter(Filter.of("State.Name", "running"))
                        .selectionMode(SelectionMode.percent(20)).build())
                .putAction("stop", Action.builder().actionId("aws:ec2:stop-instances")
                        .putParameter("startInstancesAfterDuration", "PT5M").putTarget("Instances", "workers").build())
                .addStopCondition(StopCondition.alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx"))
                .build();
    }

    @Test
    void toString_isAReadableSummary() {
        assertThat(nodeLoss().toString()).isEqualTo("Experiment node-loss: Stop 20% of the workers\n"
                + "  role arn:aws:iam::123456789012:role/FisRole\n"
                + "  target workers: aws:ec2:instance, tags Role=WorkerNode, State.Name in [running], PERCENT(20)\n"
                + "  action stop: aws:ec2:stop-instances on Instances=workers {startInstancesAfterDuration=PT5M}\n"
                + "  stop when alarm arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx");
    }

    @Test
    void equality_isByValue() {
        Experiment a = nodeLoss();
        Experiment b = Experiment.builder().from(a).build();
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(Experiment.builder().from(a).description("other").build()).isNotEqualTo(a);
    }

    @Test
    void selectionMode_parsesAndChoosesAsFisDoes() {
        assertThat(SelectionMode.of("PERCENT(50)").chosenOf(5)).isEqualTo(2);
        assertThat(SelectionMode.of("COUNT(3)").chosenOf(2)).isEqualTo(2);
        assertThat(SelectionMode.of("ALL").chosenOf(7)).isEqualTo(7);
        assertThat(SelectionMode.of("percent(5)").isValid()).isFalse();
        assertThat(SelectionMode.of("COUNT()").isValid()).isFalse();
        assertThat(SelectionMode.of("COUNT(99999999999999999999)").isValid()).isFalse();
        assertThatThrownBy(() -> SelectionMode.percent(101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..100").hasMessageContaining("101");
        assertThatThrownBy(() -> SelectionMode.count(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arn_splitsSixParts() {
        Arn arn = Arn.parse("arn:aws:ec2:us-east-1:123456789012:instance/i-1").orElseThrow();
        assertThat(arn.service()).isEqualTo("ec2");
        assertThat(arn.resource()).isEqualTo("instance/i-1");
        assertThat(Arn.parse("arn:aws:s3:::bucket/key:with:colons").orElseThrow().resource()).isEqualTo("bucket/key:with:colons");
        assertThat(Arn.parse("not-an-arn")).isEmpty();
        assertThat(Arn.parse("arn:aws:iam")).isEmpty();
    }
}
