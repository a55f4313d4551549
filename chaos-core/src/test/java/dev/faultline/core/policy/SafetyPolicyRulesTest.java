package dev.faultline.core.policy;

import static dev.faultline.core.policy.Experiments.ACCOUNT;
import static dev.faultline.core.policy.Experiments.computeNodeLoss;
import static dev.faultline.core.policy.Experiments.withWorkers;
import static dev.faultline.core.policy.Experiments.workers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.CloudWatchLogsConfiguration;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule, asserting the code and the JSON Pointer path of what it reports. */
class SafetyPolicyRulesTest {

    private static SafetyPolicy.Builder policy() {
        return SafetyPolicy.builder().name("strict");
    }

    private static List<Violation> check(SafetyPolicy policy, Experiment e) {
        return policy.check(e).violations();
    }

    private static Experiment withAction(Action action) {
        return Experiment.builder().from(computeNodeLoss()).putAction("stop-workers", action).build();
    }

    // ---- max percent ---------------------------------------------------------------------

    @Test
    void maxPercent_percentAboveTheLimit_isReportedOnTheSelectionMode() {
        List<Violation> found = check(policy().maxPercent(10).build(), computeNodeLoss());
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.max-percent", "/targets/workers/selectionMode"));
        assertThat(found.get(0).message())
                .isEqualTo("The strict policy allows at most PERCENT(10), but target 'workers' selects PERCENT(20).");
    }

    @Test
    void maxPercent_percentAtTheLimit_passes() {
        assertThat(check(policy().maxPercent(20).build(), computeNodeLoss())).isEmpty();
    }

    // ---- max count -----------------------------------------------------------------------

    @Test
    void maxCount_countAboveTheLimit_isReportedOnTheSelectionMode() {
        List<Violation> found = check(policy().maxCount(5).build(), withWorkers(workers(SelectionMode.count(6)).build()));
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.max-count", "/targets/workers/selectionMode"));
    }

    @Test
    void maxCount_moreArnsChosenThanTheLimit_isReportedOnTheArns() {
        TemplateTarget byArns = TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.all())
                .addResourceArns(instance(1), instance(2), instance(3)).build();
        List<Violation> found = check(policy().maxCount(2).build(), withWorkers(byArns));
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.max-count", "/targets/workers/resourceArns"));
        assertThat(found.get(0).message()).contains("selects 3 of its 3 ARNs");
    }

    @Test
    void maxCount_countOfFewerArnsThanListed_countsWhatIsChosen() {
        TemplateTarget byArns = TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.count(1))
                .addResourceArns(instance(1), instance(2), instance(3)).build();
        assertThat(check(policy().maxCount(2).build(), withWorkers(byArns))).isEmpty();
    }

    // ---- ALL on tags ---------------------------------------------------------------------

    @Test
    void allOnTags_allOnATagSelectedTarget_isReportedOnTheSelectionMode() {
        List<Violation> found = check(policy().forbidAllOnTagSelectedTargets(true).build(),
                withWorkers(workers(SelectionMode.all()).build()));
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.all-on-tags", "/targets/workers/selectionMode"));
    }

    @Test
    void allOnTags_allOnAFilterOnlyTarget_isReported() {
        TemplateTarget filtered = TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.all())
                .addFilter(Filter.of("State.Name", "running")).build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), withWorkers(filtered)))
                .extracting(Violation::code).containsExactly("policy.all-on-tags");
    }

    @Test
    void allOnTags_confinedToOneZoneByAFilter_passes() {
        TemplateTarget zonal = workers(SelectionMode.all()).addFilter(Filter.of("Placement.AvailabilityZone", "us-east-1a")).build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), withWorkers(zonal))).isEmpty();
    }

    @Test
    void allOnTags_zoneFilterWithTwoZones_isNotConfined() {
        TemplateTarget twoZones = workers(SelectionMode.all())
                .addFilter(Filter.of("Placement.AvailabilityZone", "us-east-1a", "us-east-1b")).build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), withWorkers(twoZones)))
                .extracting(Violation::code).containsExactly("policy.all-on-tags");
    }

    @Test
    void allOnTags_confinedToOneZoneByAResourceTypeParameter_passes() {
        Experiment e = TemplateJson.parse(Corpus.text("elasticache-az-power-interruption-experiment-template.json"));
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), e)).isEmpty();
    }

    @Test
    void allOnTags_zoneParameterAll_isNotConfined() {
        TemplateTarget rds = TemplateTarget.builder().resourceType("aws:rds:db").putResourceTag("App", "payments")
                .putParameter("availabilityZoneIdentifiers", "all").selectionMode(SelectionMode.all()).build();
        Experiment e = Experiment.builder().from(computeNodeLoss()).putTarget("databases", rds).build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), e))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.all-on-tags", "/targets/databases/selectionMode"));
    }

    @Test
    void allOnTags_everyActionOnTheTargetActsInOneZone_passes() {
        TemplateTarget asgs = TemplateTarget.builder().resourceType("aws:ec2:autoscaling-group").putResourceTag("App", "payments")
                .selectionMode(SelectionMode.all()).build();
        Experiment e = Experiment.builder().from(computeNodeLoss()).putTarget("asgs", asgs)
                .putAction("ice", Action.builder().actionId("aws:ec2:asg-insufficient-instance-capacity-error")
                        .putParameter("availabilityZoneIdentifiers", "us-east-1a").putParameter("duration", "PT5M")
                        .putTarget("AutoScalingGroups", "asgs").build())
                .build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), e)).isEmpty();
    }

    @Test
    void allOnTags_allOnArns_passes() {
        TemplateTarget byArns = TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.all())
                .addResourceArns(instance(1)).build();
        assertThat(check(policy().forbidAllOnTagSelectedTargets(true).build(), withWorkers(byArns))).isEmpty();
    }

    // ---- stop condition and hypothesis ----------------------------------------------------

    @Test
    void alarmRequired_onlyANoneStopCondition_isReportedOnTheStopConditions() {
        Experiment e = Experiment.builder().from(computeNodeLoss()).stopConditions(List.of(StopCondition.none())).build();
        assertThat(check(policy().requireAlarmStopCondition(true).build(), e))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.alarm-required", "/stopConditions"));
    }

    @Test
    void alarmRequired_anAlarm_passes() {
        assertThat(check(policy().requireAlarmStopCondition(true).build(), computeNodeLoss())).isEmpty();
    }

    @Test
    void hypothesisRequired_noHypothesis_isReportedOnTheHypothesis() {
        Experiment e = Experiment.builder().from(computeNodeLoss()).hypothesis(java.util.Optional.empty()).build();
        assertThat(check(policy().requireHypothesis(true).build(), e))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.hypothesis-required", "/hypothesis"));
    }

    // ---- duration ------------------------------------------------------------------------

    @Test
    void maxDuration_aLongerPlan_isReportedOnTheActions() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .putAction("settle", Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT20M")
                        .addStartAfter("stop-workers").build())
                .build();
        List<Violation> found = check(policy().maxDuration(Duration.ofMinutes(20)).build(), e);
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.max-duration", "/actions"));
        assertThat(found.get(0).message()).contains("at most 20m", "lasts 25m", "'settle'");
    }

    @Test
    void maxDuration_actionsSummingToMoreButRunningSideBySide_pass() {
        // 25 minutes of actions, but the wait runs beside the 5-minute stop: the plan lasts 20 minutes
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .putAction("settle", Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT20M").build())
                .build();
        assertThat(check(policy().maxDuration(Duration.ofMinutes(20)).build(), e)).isEmpty();
    }

    @Test
    void maxDuration_aShorterPlan_passes() {
        assertThat(check(policy().maxDuration(Duration.ofMinutes(5)).build(), computeNodeLoss())).isEmpty();
    }

    // ---- reversibility -------------------------------------------------------------------

    @Test
    void irreversible_terminateInstances_isReportedOnTheActionId() {
        Experiment e = withAction(Action.builder().actionId("aws:ec2:terminate-instances")
                .putTarget("Instances", "workers").build());
        assertThat(check(policy().forbidIrreversibleActions(true).build(), e))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.irreversible-action", "/actions/stop-workers/actionId"));
    }

    @Test
    void irreversible_stopInstancesWithoutRestart_isReportedOnTheMissingParameter() {
        Experiment e = withAction(Action.builder().actionId("aws:ec2:stop-instances")
                .putTarget("Instances", "workers").build());
        List<Violation> found = check(policy().forbidIrreversibleActions(true).build(), e);
        assertThat(found).extracting(Violation::code, Violation::path).containsExactly(
                tuple("policy.irreversible-action", "/actions/stop-workers/parameters/startInstancesAfterDuration"));
        assertThat(found.get(0).hint()).hasValueSatisfying(h -> assertThat(h).contains("startInstancesAfterDuration"));
    }

    @Test
    void irreversible_stopInstancesWithRestart_passes() {
        assertThat(check(policy().forbidIrreversibleActions(true).build(), computeNodeLoss())).isEmpty();
    }

    @Test
    void irreversible_anActionTheCatalogDoesNotKnow_isAWarning() {
        Experiment e = withAction(Action.builder().actionId("aws:ec2:melt-instances").putTarget("Instances", "workers").build());
        assertThat(check(policy().forbidIrreversibleActions(true).build(), e))
                .extracting(Violation::code, Violation::severity, Violation::path)
                .containsExactly(tuple("policy.reversibility-unknown", Severity.WARNING, "/actions/stop-workers/actionId"));
    }

    // ---- allowed and forbidden actions ----------------------------------------------------

    @Test
    void allowedActions_anActionNoPatternMatches_isReportedOnTheActionId() {
        List<Violation> found = check(policy().addAllowedActions("aws:rds:*", "aws:fis:wait").build(), computeNodeLoss());
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.action-not-allowed", "/actions/stop-workers/actionId"));
        assertThat(found.get(0).message()).contains("aws:rds:*, aws:fis:wait", "aws:ec2:stop-instances");
    }

    @Test
    void allowedActions_aMatchingGlob_passes() {
        assertThat(check(policy().addAllowedAction("aws:ec2:*").build(), computeNodeLoss())).isEmpty();
        assertThat(check(policy().addAllowedAction("*:stop-*").build(), computeNodeLoss())).isEmpty();
    }

    @Test
    void forbiddenActions_aMatchingGlob_isReportedOnTheActionId() {
        List<Violation> found = check(policy().addForbiddenAction("aws:ec2:*").build(), computeNodeLoss());
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.action-forbidden", "/actions/stop-workers/actionId"));
        assertThat(found.get(0).message()).contains("'aws:ec2:*'");
    }

    // ---- template tags -------------------------------------------------------------------

    @Test
    void requiredTags_aMissingTag_isReportedAtItsKey() {
        assertThat(check(policy().addRequiredTag(TagPattern.any("Owner")).build(), computeNodeLoss()))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.tag-required", "/tags/Owner"));
    }

    @Test
    void requiredTags_aValueNoPatternMatches_isReportedAtItsKey() {
        Experiment e = Experiment.builder().from(computeNodeLoss()).putTag("Team", "search").build();
        List<Violation> found = check(policy().addRequiredTag(TagPattern.of("Team", "payments*", "billing")).build(), e);
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.tag-required", "/tags/Team"));
        assertThat(found.get(0).message()).contains("'search'");
    }

    @Test
    void requiredTags_aMatchingValue_passes() {
        Experiment e = Experiment.builder().from(computeNodeLoss()).putTag("Team", "payments-eu").build();
        assertThat(check(policy().addRequiredTag(TagPattern.of("Team", "payments*")).build(), e)).isEmpty();
    }

    // ---- accounts and Regions ------------------------------------------------------------

    @Test
    void allowedAccounts_aRoleInAnotherAccount_isReportedOnTheRoleArn() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .roleArn("arn:aws:iam::999999999999:role/FisRole").build();
        List<Violation> found = check(policy().addAllowedAccount(ACCOUNT).build(), e);
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.account", "/roleArn"));
        assertThat(found.get(0).message()).contains("999999999999", ACCOUNT);
    }

    @Test
    void allowedAccounts_everyArnOfTheExperimentIsRead() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .putTarget("workers", TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.all())
                        .addResourceArns("arn:aws:ec2:us-east-1:999999999999:instance/i-0123456789abcdef0").build())
                .stopConditions(List.of(StopCondition.alarm("arn:aws:cloudwatch:us-east-1:999999999999:alarm:A")))
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(2).cloudWatchLogsConfiguration(
                        CloudWatchLogsConfiguration.of("arn:aws:logs:us-east-1:999999999999:log-group:fis")).build())
                .experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("999999999999")
                        .roleArn("arn:aws:iam::999999999999:role/FisTarget").build())
                .build();
        assertThat(check(policy().addAllowedAccount(ACCOUNT).build(), e)).extracting(Violation::path).containsExactly(
                "/targets/workers/resourceArns/0", "/stopConditions/0/value",
                "/logConfiguration/cloudWatchLogsConfiguration/logGroupArn",
                "/targetAccountConfigurations/0/accountId", "/targetAccountConfigurations/0/roleArn");
    }

    @Test
    void allowedAccounts_placeholdersAndEmptyAccountsAreNotReported() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .roleArn("arn:aws:iam::<YOUR AWS ACCOUNT>:role/FisRole")
                .putAction("run", Action.builder().actionId("aws:ssm:send-command")
                        .putParameter("documentArn", "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress").build())
                .build();
        assertThat(check(policy().addAllowedAccount(ACCOUNT).build(), e)).isEmpty();
    }

    @Test
    void allowedRegions_anAlarmInAnotherRegion_isReportedOnItsValue() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .stopConditions(List.of(StopCondition.alarm("arn:aws:cloudwatch:eu-west-1:" + ACCOUNT + ":alarm:A")))
                .build();
        List<Violation> found = check(policy().addAllowedRegion("us-east-1").build(), e);
        assertThat(found).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.region", "/stopConditions/0/value"));
    }

    @Test
    void allowedRegions_anIamRoleHasNoRegionAndPasses() {
        assertThat(check(policy().addAllowedRegion("us-east-1").build(), computeNodeLoss())).isEmpty();
    }

    @Test
    void allowedRegions_anArnValuedActionParameterIsRead() {
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .putAction("run", Action.builder().actionId("aws:ssm:send-command")
                        .putParameter("documentArn", "arn:aws:ssm:eu-west-1::document/AWSFIS-Run-CPU-Stress").build())
                .build();
        assertThat(check(policy().addAllowedRegion("us-east-1").build(), e))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.region", "/actions/run/parameters/documentArn"));
    }

    // ---- every rule ----------------------------------------------------------------------

    @Test
    void everyViolation_isAnErrorNamingThePolicyWithAHint() {
        SafetyPolicy all = policy().maxPercent(10).maxCount(1).maxDuration(Duration.ofMinutes(1))
                .forbidAllOnTagSelectedTargets(true).requireAlarmStopCondition(true).requireHypothesis(true)
                .forbidIrreversibleActions(true).addAllowedAction("aws:rds:*").addForbiddenAction("aws:ec2:*")
                .addRequiredTag(TagPattern.any("Owner")).addAllowedAccount("999999999999")
                .addAllowedRegion("eu-west-1").build();
        Experiment e = Experiment.builder().from(computeNodeLoss())
                .putTarget("workers", workers(SelectionMode.all()).build())
                .putTarget("more", workers(SelectionMode.count(3)).build())
                .putAction("stop-workers", Action.builder().actionId("aws:ec2:stop-instances")
                        .putTarget("Instances", "workers").build())
                .putAction("wait", Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT5M").build())
                .stopConditions(List.of(StopCondition.none()))
                .hypothesis(java.util.Optional.empty())
                .logConfiguration(LogConfiguration.builder().logSchemaVersion(2).cloudWatchLogsConfiguration(
                        CloudWatchLogsConfiguration.of("arn:aws:logs:us-east-1:999999999999:log-group:fis")).build())
                .build();
        List<Violation> found = check(all, e);
        assertThat(found).extracting(Violation::code).containsExactlyInAnyOrder("policy.all-on-tags",
                "policy.max-count", "policy.alarm-required", "policy.hypothesis-required", "policy.max-duration",
                "policy.action-forbidden", "policy.irreversible-action",
                "policy.action-not-allowed", "policy.tag-required", "policy.account", "policy.region");
        assertThat(found).allSatisfy(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.message()).startsWith("The strict policy ");
            assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).isNotBlank());
        });
    }

    @Test
    void check_neverThrows_onAnEmptyOrBrokenExperiment() {
        SafetyPolicy strict = SafetyPolicy.production().and(policy().addAllowedAccount(ACCOUNT)
                .addAllowedRegion("us-east-1").addAllowedAction("aws:*").build());
        Experiment broken = Experiment.builder()
                .putTarget("t", TemplateTarget.builder().selectionMode(SelectionMode.of("HALF")).addResourceArns("not an arn").build())
                .putAction("a", Action.builder().addStartAfter("a").putTarget("X", "missing").build())
                .addStopCondition(StopCondition.builder().build())
                .roleArn("arn:")
                .build();
        assertThatCode(() -> strict.check(Experiment.builder().build())).doesNotThrowAnyException();
        assertThatCode(() -> strict.check(broken)).doesNotThrowAnyException();
    }

    @Test
    void none_reportsNothingOnAnyCorpusTemplate() {
        for (String file : Corpus.FILES) {
            Experiment e = TemplateJson.read(Corpus.text(file)).experiment().orElseThrow();
            assertThat(SafetyPolicy.none().check(e).violations()).as(file).isEmpty();
        }
    }

    @Test
    void validator_withAPolicy_addsItsViolationsToTheFisRules() {
        ValidationResult result = Validator.standard().with(policy().maxPercent(10).build()).validate(computeNodeLoss());
        assertThat(result.errors()).extracting(Violation::code).containsExactly("policy.max-percent");
    }

    private static String instance(int n) {
        return "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-000000000000000" + n;
    }
}
