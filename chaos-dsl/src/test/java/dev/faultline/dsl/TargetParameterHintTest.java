package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.rdsInstances;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An unknown target parameter that a typed method covers points at that method. */
class TargetParameterHintTest {

    @Test
    void unknownZoneParameter_pointsAtInAvailabilityZone() {
        assertThatThrownBy(() -> ec2Instances().parameter("availabilityZone", "us-east-1a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter of aws:ec2:instance 'availabilityZone'")
                .hasMessageContaining("use inAvailabilityZone(\"us-east-1a\")");
    }

    @Test
    void unknownVpcOrStateParameter_pointsAtInVpcOrRunning() {
        assertThatThrownBy(() -> ec2Instances().parameter("vpcId", "vpc-1")).hasMessageContaining("inVpc(");
        assertThatThrownBy(() -> ec2Instances().parameter("state", "running")).hasMessageContaining("running()");
    }

    @Test
    void knownParameter_isStillSet_andOtherNamesStillGetTheNearest() {
        rdsInstances().parameter("availabilityZoneIdentifiers", "us-east-1a");
        assertThatThrownBy(() -> ec2Instances().parameter("colour", "blue"))
                .hasMessageContaining("unknown parameter of aws:ec2:instance 'colour'")
                .hasMessageNotContaining("inAvailabilityZone");
    }
}
