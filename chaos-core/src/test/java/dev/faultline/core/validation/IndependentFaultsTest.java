package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.withAction;
import static dev.faultline.core.validation.Templates.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TargetAccountConfiguration;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.policy.SafetyPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Independent faults are reported in one pass: a first fault in a section does not hide a
 * second one the first says nothing about (docs/validation.md, "One pass").
 */
class IndependentFaultsTest {

    @Test
    void misspeltTargetKey_doesNotHideATargetNoKeyOfTheActionTakes() {
        ValidationResult r = validate(builder()
                .putTarget("Subnets", TemplateTarget.builder().resourceType("aws:ec2:subnet").putResourceTag("Tier", "app")
                        .selectionMode(SelectionMode.all()).build())
                .putAction("StopNodes", Action.builder().actionId("aws:ec2:stop-instances").putTarget("Instance", "Subnets").build())
                .build());
        one(r, "action.target-key-unknown", ERROR, "/actions/StopNodes/targets/Instance");
        Violation v = one(r, "action.target-type-mismatch", ERROR, "/actions/StopNodes/targets/Instance");
        assertThat(v.message()).contains("aws:ec2:subnet");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("'Instances'", "aws:ec2:instance"));
    }

    @Test
    void misspeltTargetKey_withATargetTheActionTakes_isOneFault() {
        ValidationResult r = validate(withAction(a -> a.targets(java.util.Map.of("Instance", Templates.TARGET))));
        one(r, "action.target-key-unknown", ERROR, "/actions/StopNodes/targets/Instance");
        assertThat(r.violations()).extracting(Violation::code).doesNotContain("action.target-type-mismatch");
    }

    @Test
    void unknownResourceType_doesNotHideTheActionsTargetQuota() {
        ValidationResult r = validate(withTarget(t -> t.resourceType("aws:ec2:instanc").selectionMode(SelectionMode.count(6))));
        one(r, "target.resource-type-unknown", ERROR, "/targets/WorkerNodes/resourceType");
        one(r, "quota.action-targets-too-many", WARNING, "/targets/WorkerNodes");
    }

    @Test
    void missingResourceType_doesNotHideTheActionsTargetQuota() {
        ValidationResult r = validate(withTarget(t -> t.resourceType(Optional.empty()).selectionMode(SelectionMode.count(6))));
        one(r, "template.field-missing", ERROR, "/targets/WorkerNodes/resourceType");
        one(r, "quota.action-targets-too-many", WARNING, "/targets/WorkerNodes");
    }

    @Test
    void filterPath_andFilterValues_areCheckedApart() {
        ValidationResult r = validate(withTarget(t -> t.filters(List.of(Filter.builder().path("Tags.Name").build()))));
        one(r, "target.filter-path-misused", WARNING, "/targets/WorkerNodes/filters/0/path");
        one(r, "template.field-missing", ERROR, "/targets/WorkerNodes/filters/0/values");
    }

    @Test
    void badSelectionMode_doesNotHideTooManyArns() {
        ValidationResult r = validate(withTarget(t -> t.resourceTags(Map.of()).filters(List.of())
                .selectionMode(SelectionMode.of("SOME(3)")).resourceArns(List.of(ARN + 1, ARN + 2, ARN + 3, ARN + 4, ARN + 5, ARN + 6))));
        one(r, "target.selection-mode-format", ERROR, "/targets/WorkerNodes/selectionMode");
        one(r, "target.arns-too-many", ERROR, "/targets/WorkerNodes/resourceArns");
    }

    @Test
    void logDestination_doesNotHideTheSchemaVersion() {
        ValidationResult r = validate(builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(0).build()).build());
        one(r, "log.schema-version-range", ERROR, "/logConfiguration/logSchemaVersion");
        one(r, "log.destination-missing", ERROR, "/logConfiguration");
    }

    // ---- ARNs --------------------------------------------------------------------------

    @Test
    void targetAccountRole_withAMalformedAccount_isOneFault() {
        ValidationResult r = validate(builder()
                .experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("111122223333")
                        .roleArn("arn:aws:iam::1111-2222-3333:role/FisTarget").build())
                .build());
        Violation v = one(r, "arn.account-format", ERROR, "/targetAccountConfigurations/0/roleArn");
        assertThat(v.message()).contains("not a 12-digit account ID");
    }

    @Test
    void targetAccountRole_inAnotherWellFormedAccount_isStillReported() {
        ValidationResult r = validate(builder()
                .experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("111122223333")
                        .roleArn("arn:aws:iam::444455556666:role/FisTarget").build())
                .build());
        Violation v = one(r, "arn.account-format", ERROR, "/targetAccountConfigurations/0/roleArn");
        assertThat(v.message()).contains("444455556666", "111122223333");
    }

    // ---- hypothesis --------------------------------------------------------------------

    @Test
    void steadyStateCondition_everyFaultOfItIsReportedInOnePass() {
        SteadyStateCondition broken = SteadyStateCondition.builder().statistic("Median").period(Duration.ofSeconds(7)).phases(java.util.Set.of())
                .build();
        ValidationResult r = validate(builder().hypothesis(dev.faultline.core.model.Hypothesis.builder()
                .addCondition(broken).recoveryWindow(Duration.ofMinutes(-1)).build()).build());
        String at = "/hypothesis/conditions/0";
        one(r, "hypothesis.recovery-window-range", ERROR, "/hypothesis/recoveryWindow");
        one(r, "hypothesis.statistic-format", ERROR, at + "/statistic");
        one(r, "hypothesis.period-range", ERROR, at + "/period");
        one(r, "hypothesis.phase-missing", WARNING, at + "/phases");
        assertThat(r.violations()).filteredOn(v -> v.code().equals("template.field-missing")).extracting(Violation::path)
                .containsExactlyInAnyOrder(at + "/namespace", at + "/metricName", at + "/comparison", at + "/threshold");
    }

    // ---- safety policy -----------------------------------------------------------------

    private static ValidationResult validateUnder(SafetyPolicy policy, dev.faultline.core.model.Experiment e) {
        return Validator.standard().with(policy).validate(e);
    }

    @Test
    void placeholderInTheRegion_doesNotHideTheAccountFromThePolicy() {
        String alarm = "arn:aws:cloudwatch:{{ aws:region }}:999999999999:alarm:App5xx";
        ValidationResult r = validateUnder(SafetyPolicy.builder().addAllowedAccount("123456789012").build(),
                builder().stopConditions(List.of(StopCondition.alarm(alarm))).build());
        one(r, "template.placeholder-unresolved", WARNING, "/stopConditions/0/value");
        Violation v = one(r, "policy.account", ERROR, "/stopConditions/0/value");
        assertThat(v.message()).contains("999999999999");
    }

    @Test
    void firstAlarmOfAList_doesNotHideTheAccountOfTheSecondFromThePolicy() {
        String alarms = ALARM + "," + "arn:aws:cloudwatch:us-east-1:999999999999:alarm:Other";
        ValidationResult r = validateUnder(SafetyPolicy.builder().addAllowedAccount("123456789012").build(),
                builder().putAction("Assert", Action.builder().actionId("aws:cloudwatch:assert-alarm-state")
                        .putParameter("alarmArns", alarms).putParameter("alarmStates", "OK").build()).build());
        Violation v = one(r, "policy.account", ERROR, "/actions/Assert/parameters/alarmArns");
        assertThat(v.message()).contains("999999999999").doesNotContain("alarm:App5xx");
    }

    @Test
    void actionIdForbiddenAndNotAllowed_isOneErrorNamingBoth() {
        ValidationResult r = validateUnder(SafetyPolicy.builder().addAllowedAction("aws:rds:*").addForbiddenAction("aws:ec2:*").build(),
                Templates.base());
        Violation v = one(r, "policy.action-forbidden", ERROR, "/actions/StopNodes/actionId");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("aws:rds:*"));
        assertThat(r.violations()).extracting(Violation::code).doesNotContain("policy.action-not-allowed");
    }

    @Test
    void actionIdIrreversibleAndNotAllowed_isOneError() {
        ValidationResult r = validateUnder(SafetyPolicy.builder().addAllowedAction("aws:rds:*").forbidIrreversibleActions(true).build(),
                builder().putAction(ACTION, Action.builder().actionId("aws:ec2:terminate-instances")
                        .putTarget("Instances", TARGET).build()).build());
        Violation v = one(r, "policy.irreversible-action", ERROR, "/actions/StopNodes/actionId");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("aws:rds:*"));
        assertThat(r.violations()).extracting(Violation::code).doesNotContain("policy.action-not-allowed");
    }

    @Test
    void irreversibleUnlessAParameterIsSet_isReportedBesideANotAllowedId() {
        ValidationResult r = validateUnder(SafetyPolicy.builder().addAllowedAction("aws:rds:*").forbidIrreversibleActions(true).build(),
                withAction(a -> a.parameters(Map.of())));
        one(r, "policy.action-not-allowed", ERROR, "/actions/StopNodes/actionId");
        one(r, "policy.irreversible-action", ERROR, "/actions/StopNodes/parameters/startInstancesAfterDuration");
    }

    private static final String ALARM = Templates.ALARM_ARN;
    private static final String ACTION = Templates.ACTION;
    private static final String TARGET = Templates.TARGET;
    private static final String ARN = "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef";
}
