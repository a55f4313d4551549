package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.rdsClusters;
import static dev.faultline.dsl.Chaos.steadyState;
import static dev.faultline.dsl.Chaos.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentDraftTest {

    private static final String ROLE = "arn:aws:iam::112233445566:role/FisRole";
    private static final String ALARM = "arn:aws:cloudwatch:us-east-1:112233445566:alarm:App5xx";

    private static Target<Ec2Instance> workers() {
        return ec2Instances().tagged("Environment", "staging").tagged("Role", "WorkerNode").running().percent(20);
    }

    @Test
    void build_sketchExperiment_hasEveryPart() {
        Experiment e = experiment("payment-worker-node-loss")
                .description("Stop 20% of the worker nodes for five minutes")
                .role(ROLE)
                .stopWhen(alarm(ALARM), alarm(ALARM + "2"))
                .tag("Owner", "payments")
                .logToCloudWatch("arn:aws:logs:us-east-1:112233445566:log-group:fis")
                .reportToS3("reports", "fis/")
                .reportDashboard("arn:aws:cloudwatch::112233445566:dashboard/payments")
                .reportWindow(Duration.ofMinutes(10), Duration.ofMinutes(15))
                .singleAccount()
                .skipEmptyTargets()
                .hypothesis("payments stay healthy", steadyState("payment 5xx stays under 5 a minute")
                        .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
                        .dimension("TargetGroup", "targetgroup/prod-payment-tg/a1b2c3d4e5f6")
                        .sum().per(Duration.ofMinutes(1)).below(5))
                .recoveryWindow(Duration.ofMinutes(10))
                .action("baseline", waitFor(Duration.ofMinutes(2)))
                .then("stop-workers", Ec2.stopInstances(workers()).restartAfter(Duration.ofMinutes(5)))
                .build();

        assertThat(e.name()).contains("payment-worker-node-loss");
        assertThat(e.roleArn()).contains(ROLE);
        assertThat(e.stopConditions()).containsExactly(StopCondition.alarm(ALARM), StopCondition.alarm(ALARM + "2"));
        assertThat(e.tags()).containsEntry("Owner", "payments");
        assertThat(e.logConfiguration().orElseThrow().logSchemaVersion()).contains(2);
        assertThat(e.experimentReportConfiguration().orElseThrow().preExperimentDuration()).contains("PT10M");
        assertThat(e.experimentReportConfiguration().orElseThrow().cloudWatchDashboards()).hasSize(1);
        assertThat(e.experimentOptions().orElseThrow().accountTargeting()).contains(AccountTargeting.SINGLE_ACCOUNT);
        assertThat(e.experimentOptions().orElseThrow().emptyTargetResolutionMode())
                .contains(EmptyTargetResolutionMode.SKIP);
        SteadyStateCondition c = e.hypothesis().orElseThrow().conditions().get(0);
        assertThat(c.statistic()).contains("Sum");
        assertThat(c.comparison()).contains(Comparison.LessThanThreshold);
        assertThat(c.threshold()).contains(5.0);
        assertThat(c.dimensions()).containsEntry("TargetGroup", "targetgroup/prod-payment-tg/a1b2c3d4e5f6");
        assertThat(e.hypothesis().orElseThrow().recoveryWindow()).contains(Duration.ofMinutes(10));
        assertThat(e.targets()).containsOnlyKeys("Instances-Target-1");
        assertThat(e.targets().get("Instances-Target-1").selectionMode()).contains(SelectionMode.percent(20));
        assertThat(e.targets().get("Instances-Target-1").filters().get(0).path()).contains("State.Name");
        assertThat(e.actions().get("stop-workers").startAfter()).containsExactly("baseline");
        assertThat(e.actions().get("stop-workers").parameters())
                .containsExactly(Map.entry("startInstancesAfterDuration", "PT5M"));
        assertThat(e.actions().get("baseline").parameters()).containsEntry("duration", "PT2M");
    }

    @Test
    void steps_areImmutable_aSharedDraftIsNotChangedByItsExtensions() {
        ExperimentDraft base = experiment("base").role(ROLE).stopWhen(alarm(ALARM));
        ExperimentDraft one = base.action("stop", Ec2.stopInstances(workers()));
        ExperimentDraft two = base.action("reboot", Ec2.rebootInstances(workers()));

        assertThat(base.build().actions()).isEmpty();
        assertThat(one.build().actions()).containsOnlyKeys("stop");
        assertThat(two.build().actions()).containsOnlyKeys("reboot");

        Target<Ec2Instance> all = ec2Instances().tagged("App", "web");
        Target<Ec2Instance> some = all.percent(10);
        assertThat(all.toModel().selectionMode()).isEmpty();
        assertThat(some.toModel().selectionMode()).contains(SelectionMode.percent(10));

        Ec2.StopInstances stop = Ec2.stopInstances(some);
        Ec2.StopInstances restarting = stop.restartAfter(Duration.ofMinutes(3));
        assertThat(stop.parameters()).isEmpty();
        assertThat(restarting.parameters()).containsEntry("startInstancesAfterDuration", "PT3M");
    }

    @Test
    void action_sameTargetTwice_isOneTarget_differentTargetsAreNumbered() {
        Experiment e = experiment()
                .action("a", Ec2.stopInstances(workers()))
                .action("b", Ec2.rebootInstances(workers()))
                .action("c", Ec2.rebootInstances(workers().percent(10)))
                .action("d", Rds.failoverDbCluster(rdsClusters().tagged("App", "db").named("db").all()))
                .build();

        assertThat(e.targets()).containsOnlyKeys("Instances-Target-1", "Instances-Target-2", "db");
        assertThat(e.actions().get("b").targets()).containsEntry("Instances", "Instances-Target-1");
        assertThat(e.actions().get("c").targets()).containsEntry("Instances", "Instances-Target-2");
        assertThat(e.actions().get("d").targets()).containsEntry("Clusters", "db");
    }

    @Test
    void action_duplicateNames_failAtTheCall() {
        ExperimentDraft draft = experiment().action("a", Ec2.stopInstances(workers().named("w")));
        assertThatThrownBy(() -> draft.action("a", Ec2.rebootInstances(workers())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("action name 'a'");
        assertThatThrownBy(() -> draft.action("b", Ec2.rebootInstances(workers().percent(5).named("w"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target name 'w'");
    }

    @Test
    void build_withoutStopCondition_writesSourceNone_andTheStagingPolicyReportsIt() {
        ExperimentDraft draft = experiment().description("d").role(ROLE)
                .action("stop", Ec2.stopInstances(workers()));

        assertThat(draft.build().stopConditions()).containsExactly(StopCondition.none());
        ValidationResult result = draft.validate(SafetyPolicy.staging());
        assertThat(result.errors()).extracting(v -> v.code()).contains("policy.alarm-required");
    }

    @Test
    void build_neverHidesViolations_unknownStartAfterIsTheValidatorsJob() {
        ExperimentDraft draft = experiment().description("d").role(ROLE).stopWhen(alarm(ALARM))
                .action("stop", Ec2.stopInstances(workers()).after("nowhere"));

        assertThat(draft.build().actions().get("stop").startAfter()).containsExactly("nowhere");
        assertThat(draft.validate().errors()).extracting(v -> v.path())
                .anyMatch(path -> path.startsWith("/actions/stop/startAfter"));
    }

    @Test
    void targetWithoutSelection_byTags_staysUnset_byArnsIsAll() {
        Experiment e = experiment()
                .action("a", Ec2.stopInstances(ec2Instances().tagged("App", "x")))
                .action("b", Ec2.rebootInstances(ec2Instances().arns("arn:aws:ec2:us-east-1:112233445566:instance/i-1")))
                .build();
        assertThat(e.targets().get("Instances-Target-1").selectionMode()).isEmpty();
        assertThat(e.targets().get("Instances-Target-2").selectionMode()).contains(SelectionMode.all());
    }

    @Test
    void toJson_isTheTemplateJson_andToStringIsASummary() {
        ExperimentDraft draft = experiment("n").description("d").role(ROLE).stopWhen(alarm(ALARM))
                .action("stop", Ec2.stopInstances(workers()));
        assertThat(draft.toJson()).isEqualTo(TemplateJson.writePretty(draft.build()));
        assertThat(TemplateJson.parse(draft.toJson())).isEqualTo(draft.build());
        assertThat(draft.toString()).contains("stop").contains("aws:ec2:stop-instances");
    }

    @Test
    void targetAccounts_andMultiAccount() {
        Experiment e = experiment().multiAccount()
                .targetAccount("123456789012", "arn:aws:iam::123456789012:role/Fis", "workload")
                .build();
        assertThat(e.targetAccountConfigurations()).hasSize(1);
        assertThat(e.targetAccountConfigurations().get(0).description()).contains("workload");
        assertThatThrownBy(() -> experiment().targetAccount("12345", "arn:aws:iam::1:role/x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 digits");
    }

    @Test
    void steadyState_phasesPercentilesAndPeriods() {
        SteadyState p99 = steadyState("latency").metric("AWS/ApplicationELB", "TargetResponseTime")
                .percentile(99).per(Duration.ofSeconds(30)).atMost(0.5).checked(CheckPhase.DURING);
        assertThat(p99.toModel().statistic()).contains("p99");
        assertThat(p99.toModel().phases()).containsExactly(CheckPhase.DURING);
        assertThatThrownBy(() -> p99.per(Duration.ofSeconds(45)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT45S");
        assertThat(List.of(p99.above(1).toModel().comparison().orElseThrow(),
                p99.atLeast(1).toModel().comparison().orElseThrow()))
                .containsExactly(Comparison.GreaterThanThreshold, Comparison.GreaterThanOrEqualToThreshold);
    }

    @Test
    void escapeHatch_unknownActionId_isBuilt_andTheValidatorRejectsIt() {
        ExperimentDraft draft = experiment().description("d").role(ROLE).stopWhen(alarm(ALARM))
                .action("new", Chaos.action("aws:ec2:brand-new-fault")
                        .target("Instances", ec2Instances().tagged("App", "web").count(1))
                        .parameter("duration", Duration.ofMinutes(5))
                        .parameter("intensity", "high"));

        Experiment e = draft.build();
        assertThat(e.actions().get("new").actionId()).contains("aws:ec2:brand-new-fault");
        assertThat(e.actions().get("new").parameters()).containsEntry("duration", "PT5M")
                .containsEntry("intensity", "high");
        ValidationResult result = draft.validate();
        assertThat(result.errors()).extracting(v -> v.code()).containsExactly("action.id-unknown");
    }

    @Test
    void escapeHatch_knownActionId_isCheckedByTheValidatorLikeAnyTemplate() {
        ExperimentDraft draft = experiment().description("d").role(ROLE).stopWhen(alarm(ALARM))
                .action("stop", Chaos.action("aws:ec2:stop-instances")
                        .target("Instances", ec2Instances().tagged("App", "web").count(1))
                        .parameter("duration", "PT5M"));
        assertThat(draft.validate().errors()).extracting(v -> v.path())
                .contains("/actions/stop/parameters/duration");
    }

    @Test
    void toString_ofTargetsAndActions_isReadableInJShell() {
        Target<Ec2Instance> workers = ec2Instances().tagged("Role", "Worker").running().percent(20);
        assertThat(workers).hasToString("aws:ec2:instance tags{Role=Worker} filters[State.Name=running] PERCENT(20)");
        assertThat(Ec2.stopInstances(workers).restartAfter(Duration.ofMinutes(5)).toString())
                .startsWith("aws:ec2:stop-instances {startInstancesAfterDuration=PT5M} Instances=(aws:ec2:instance");
    }
}
