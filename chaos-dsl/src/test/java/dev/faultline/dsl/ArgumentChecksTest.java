package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.ebsVolumes;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.ecsTasks;
import static dev.faultline.dsl.Chaos.iamRoles;
import static dev.faultline.dsl.Chaos.lambdaFunctions;
import static dev.faultline.dsl.Chaos.rdsClusters;
import static dev.faultline.dsl.Chaos.subnets;
import static dev.faultline.dsl.Chaos.virtualInterfaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arguments that break a rule known at the call fail there, naming parameter, value and range. */
class ArgumentChecksTest {

    private static final Target<Ec2Instance> INSTANCES = ec2Instances().tagged("App", "web").count(1);

    @Test
    void targetPercent_0or101_failsWithTheRange() {
        assertThatThrownBy(() -> ec2Instances().percent(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("percent of a target must be within 1..100, was 0");
        assertThatThrownBy(() -> ec2Instances().percent(101))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..100, was 101");
        assertThatThrownBy(() -> ec2Instances().count(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was 0");
    }

    @Test
    void actionPercent_outsideTheCatalogRange_fails() {
        assertThatThrownBy(() -> Fis.injectApiThrottleError(iamRoles().arns("arn:aws:iam::123456789012:role/r"),
                Duration.ofMinutes(5)).percentage(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("percentage of aws:fis:inject-api-throttle-error: percentage 101 is outside 1..100. Use a value from 1 to 100.");
        assertThatThrownBy(() -> Ecs.drainContainerInstances(Chaos.ecsClusters().count(1), 0, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drainagePercentage of aws:ecs:drain-container-instances: drainagePercentage 0 is outside 1..100."
                        + " Use a value from 1 to 100.");
    }

    @Test
    void duration_outsideTheActionsRange_failsWithTheRangeFromTheCatalog() {
        assertThatThrownBy(() -> Ebs.pauseVolumeIo(ebsVolumes().count(1), Duration.ofHours(13)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration of aws:ebs:pause-volume-io: duration PT13H is outside PT1S..PT12H. Use a duration from PT1S to PT12H.");
        assertThat(Ebs.pauseVolumeIo(ebsVolumes().count(1), Duration.ofSeconds(30)).parameters())
                .containsEntry("duration", "PT30S");
        assertThatThrownBy(() -> Network.disruptConnectivity(subnets().count(1), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration of aws:network:disrupt-connectivity: duration PT30S is outside PT1M..PT12H."
                        + " Use a duration from PT1M to PT12H.");
        assertThatThrownBy(() -> DirectConnect.disconnectVirtualInterface(virtualInterfaces().count(1),
                Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT5M is outside PT10M..PT12H");
        assertThatThrownBy(() -> Ec2.sendSpotInstanceInterruptions(Chaos.spotInstances().count(1))
                .durationBeforeInterruption(Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("durationBeforeInterruption").hasMessageContaining("PT1M is outside PT2M..PT15M");
        assertThatThrownBy(() -> Ec2.stopInstances(INSTANCES).restartAfter(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of seconds");
    }

    @Test
    void integers_lists_json_andSsmDocuments_areChecked() {
        assertThatThrownBy(() -> Ecs.taskNetworkBlackholePort(ecsTasks().count(1), 70000, TrafficType.INGRESS,
                Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port of aws:ecs:task-network-blackhole-port: port 70000 is outside 0..65535. Use a value from 0 to 65535.");
        assertThatThrownBy(() -> Lambda.invocationAddDelay(lambdaFunctions().count(1), Duration.ofMinutes(5))
                .startupDelayMilliseconds(900001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("900001 is outside 0..900000");
        assertThatThrownBy(() -> CloudWatch.assertAlarmState(List.of("a1", "a2", "a3", "a4", "a5", "a6"),
                List.of(CloudWatch.AlarmState.OK)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lists 6 items; at most 5 are allowed.");
        assertThatThrownBy(() -> Ec2.apiInsufficientInstanceCapacityError(iamRoles().arns("arn:aws:iam::1:role/r"),
                List.of("us-east-1a,us-east-1b"), 100, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without commas");
        assertThatThrownBy(() -> Ssm.sendCommand(INSTANCES, "arn:aws:ssm:us-east-1::document/X", Duration.ofMinutes(5))
                .documentParameters("{not json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("documentParameters");
        assertThatThrownBy(() -> Ssm.runCpuStress().loadPercent(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LoadPercent of AWSFIS-Run-CPU-Stress: LoadPercent 101 is outside 0..100. Use a value from 0 to 100.");
        assertThatThrownBy(() -> Ssm.runNetworkBlackholePort(Protocol.TCP, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Port");
    }

    @Test
    void targetParameters_areCheckedAgainstTheCatalog_andHelpersWriteTheRightFields() {
        assertThatThrownBy(() -> subnets().parameter("availabilityZone", "us-east-1a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("availabilityZoneIdentifier");
        assertThatThrownBy(() -> Chaos.eksPods("c", "ns", PodSelector.labels("a=b")).parameter("selectorType", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value of selectorType");
        assertThat(rdsClusters().writerIn("us-east-1a").toModel().parameters())
                .containsEntry("writerAvailabilityZoneIdentifiers", "us-east-1a");
        assertThat(ebsVolumes().inAvailabilityZone("us-east-1a").toModel().parameters())
                .containsEntry("availabilityZoneIdentifier", "us-east-1a");
        assertThat(ec2Instances().inVpc("vpc-1").inAvailabilityZone("us-east-1a").toModel().filters())
                .extracting(f -> f.path().orElseThrow()).containsExactly("VpcId", "Placement.AvailabilityZone");
    }
}
