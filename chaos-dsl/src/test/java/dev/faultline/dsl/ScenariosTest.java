package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.subnets;
import static dev.faultline.dsl.Chaos.transitGateways;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario, on a base with a role and an alarm, passes the staging policy with no ERROR. */
class ScenariosTest {

    private static final String ACCOUNT = "112233445566";
    private static final ExperimentDraft BASE = experiment("scenario")
            .role("arn:aws:iam::" + ACCOUNT + ":role/FisRole")
            .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:AppHealth"))
            .tag("Owner", "platform");

    /** Each scenario: its name, its draft on {@link #BASE}, and how many actions it has. */
    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("azPowerInterruption", Scenarios.azPowerInterruption(BASE, "us-east-1a",
                        Duration.ofMinutes(30), "arn:aws:iam::" + ACCOUNT + ":role/AsgLaunchRole"), 10),
                Arguments.of("azApplicationSlowdown", Scenarios.azApplicationSlowdown(BASE, "us-east-1", "us-east-1a",
                        Duration.ofMinutes(15), 200, "App", "checkout"), 2),
                Arguments.of("crossAzTrafficSlowdown", Scenarios.crossAzTrafficSlowdown(BASE, "us-east-1",
                        "us-east-1a", List.of("us-east-1b", "us-east-1c"), Duration.ofMinutes(15), 30, "App",
                        "checkout"), 2),
                Arguments.of("crossRegionConnectivity", Scenarios.crossRegionConnectivity(BASE, "eu-west-1",
                        Duration.ofHours(3),
                        subnets().arns("arn:aws:ec2:us-east-1:" + ACCOUNT + ":subnet/subnet-0123456789abcdef0"),
                        transitGateways().arns("arn:aws:ec2:us-east-1:" + ACCOUNT
                                + ":transit-gateway/tgw-0123456789abcdef0")), 2),
                Arguments.of("computeNodeLoss", Scenarios.computeNodeLoss(BASE, "Role", "WorkerNode", 20,
                        Duration.ofMinutes(5)), 1),
                Arguments.of("databaseFailover", Scenarios.databaseFailover(BASE, "App", "orders", "us-east-1a"), 2),
                Arguments.of("computeNodeLoss in a target account", Scenarios.computeNodeLoss(BASE.multiAccount()
                        .targetAccount("998877665544", "arn:aws:iam::998877665544:role/FisTargetRole", "workload"),
                        "Role", "WorkerNode", 25, Duration.ofMinutes(10)), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_passesStaging_withNoError(String name, ExperimentDraft scenario, int actions) {
        ValidationResult result = scenario.validate(SafetyPolicy.staging());
        assertThat(result.errors()).as(name + "\n" + scenario.toJson()).isEmpty();
        assertThat(scenario.build().actions()).as("the scenario's actions").hasSize(actions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario_withoutAnAlarm_failsStaging(String name, ExperimentDraft scenario) {
        Experiment e = scenario.build();
        Experiment.Builder b = Experiment.builder();
        b.from(e);
        Experiment noAlarm = b.stopConditions(List.of(dev.faultline.core.model.StopCondition.none())).build();
        assertThat(dev.faultline.core.validation.Validator.standard().with(SafetyPolicy.staging())
                .validate(noAlarm).errors()).extracting(v -> v.code()).containsExactly("policy.alarm-required");
    }

    @org.junit.jupiter.api.Test
    void scenarios_shareOneBase_whichStaysUnchanged() {
        Experiment before = BASE.build();
        scenarios().forEach(a -> assertThat(((ExperimentDraft) a.get()[1]).build().roleArn())
                .isEqualTo(before.roleArn()));
        assertThat(BASE.build()).isEqualTo(before);
        assertThat(before.actions()).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void azPowerInterruption_followsTheFisScenario() {
        Experiment e = Scenarios.azPowerInterruption(BASE, "us-east-1a", Duration.ofMinutes(30)).build();
        assertThat(e.actions()).containsKeys("Stop-Instances", "Stop-ASG-Instances", "Pause-ASG-Scaling",
                "Pause-network-connectivity", "Failover-RDS", "Pause-ElastiCache", "Pause-EBS-IO",
                "Start-ARC-Zonal-Autoshift").doesNotContainKey("Pause-Instance-Launches");
        assertThat(e.actions().get("Start-ARC-Zonal-Autoshift").parameters())
                .containsEntry("duration", "PT25M").containsEntry("availabilityZoneIdentifier", "us-east-1a");
        assertThat(e.actions().get("Pause-EBS-IO").startAfter()).containsExactly("Stop-Instances", "Stop-ASG-Instances");
        assertThat(e.targets().values()).allSatisfy(t -> assertThat(t.resourceTags())
                .containsKey(Scenarios.AZ_POWER_TAG));
        assertThat(e.experimentOptions().orElseThrow().emptyTargetResolutionMode().orElseThrow().wireName())
                .isEqualTo("skip");
        assertThat(e.tags()).containsExactlyEntriesOf(Map.of("Owner", "platform"));
        assertThatThrownBy(() -> Scenarios.azPowerInterruption(BASE, "us-east-1a", Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least PT6M");
    }
}
