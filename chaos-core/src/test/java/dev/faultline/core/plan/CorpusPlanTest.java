package dev.faultline.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real template of the corpus plans, and a few known answers hold. */
class CorpusPlanTest {

    static List<String> corpus() {
        return Corpus.FILES;
    }

    private static ExperimentPlan plan(String file) {
        Experiment experiment = TemplateJson.read(Corpus.text(file)).experiment().orElseThrow();
        return ExperimentPlan.of(experiment);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyTemplate_plansAndRendersWithEveryActionPlaced(String file) {
        ExperimentPlan plan = plan(file);

        assertThat(plan.unscheduled()).as("unscheduled in %s", file).isEmpty();
        assertThat(plan.actions()).as("durations in %s", file).allMatch(PlannedAction::durationKnown);
        assertThat(plan.peakParallelism()).isBetween(1, plan.actions().size());
        String text = plan.render();
        assertThat(text).startsWith("Plan: ").contains("\nTimeline\n", "\nBlast radius\n", "\nSafety facts\n");
        assertThat(text.lines()).noneMatch(line -> line.endsWith(" "));
        assertThat(plan.blastRadius().targets()).hasSize(plan.experiment().targets().size());
    }

    @Test
    void sqsImpairment_chainsAutomationsAtTheirMaximumDurations() {
        ExperimentPlan plan = plan("sqs-queue-impairment-tag-based-experiment-template.json");

        assertThat(plan.totalDuration()).isEqualTo(Duration.ofHours(4).plusMinutes(8));
        assertThat(plan.peakParallelism()).isEqualTo(1);
        assertThat(plan.summary()).isEqualTo("7 actions, total duration 4h 8m, peak parallelism 1 (impairSqs2m)");
    }

    @Test
    void ecsAzImpairment_runsThreeActionsAtOnce() {
        ExperimentPlan plan = plan("ecs-fargate-az-impairment-template.json");

        assertThat(plan.peakActions())
                .containsExactly("wait-before-stop", "impair-subnet-in-az", "inject-network-packet-loss");
        assertThat(plan.action("stop-tasks-in-az").orElseThrow().start()).isEqualTo(Duration.ofMinutes(1));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void mysqlFailover_rebootsAfterTheLoadTestThenStopsIt() {
        ExperimentPlan plan = plan("mysql-rds-loadtest-failover-template.json");

        assertThat(plan.actions()).extracting(PlannedAction::name)
                .containsExactly("RunLoadTest", "ForceFailover", "StopLoadTest");
        assertThat(plan.action("StopLoadTest").orElseThrow().start()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.totalDuration()).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void ec2Terminate_isIrreversibleOnAQuarterOfTheFleet() {
        BlastRadius radius = plan("ec2-instances-terminate-template.json").blastRadius();
        TargetImpact instances = radius.target("Instances-Target-1").orElseThrow();

        assertThat(radius.anyIrreversible()).isTrue();
        assertThat(instances.reversible()).isFalse();
        assertThat(instances.worstCase().kind()).isEqualTo(Share.Kind.PERCENT);
        assertThat(instances.worstCase().value()).isEqualTo(25);
    }

    @Test
    void sapStop_isReversibleBecauseInstancesRestart() {
        ExperimentPlan plan = plan("sap-ec2-instance-stop-sap-ascs-template.json");

        assertThat(plan.action("EC2STOP").orElseThrow().duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan.blastRadius().anyIrreversible()).isFalse();
    }
}
