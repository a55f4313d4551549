package dev.faultline.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.model.AccountTargeting;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.EmptyTargetResolutionMode;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.ExperimentOptions;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BlastRadiusTest {

    private static final String INSTANCE = "aws:ec2:instance";
    private static final String ARN_1 = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef0";
    private static final String ARN_2 = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef1";
    private static final String ARN_3 = "arn:aws:ec2:eu-west-1:123456789012:instance/i-0123456789abcdef2";

    private static TemplateTarget.Builder tagged(SelectionMode mode) {
        return TemplateTarget.builder().resourceType(INSTANCE).putResourceTag("Role", "Web").selectionMode(mode);
    }

    private static Action hit(String actionId, String target) {
        return Action.builder().actionId(actionId).putTarget("Instances", target).build();
    }

    private static Action reboot(String target) {
        return hit("aws:ec2:reboot-instances", target);
    }

    private static Action stopFor(String target, String restartAfter) {
        Action.Builder b = Action.builder().actionId("aws:ec2:stop-instances").putTarget("Instances", target);
        if (restartAfter != null) {
            b.putParameter("startInstancesAfterDuration", restartAfter);
        }
        return b.build();
    }

    private static Experiment.Builder experiment() {
        return Experiment.builder().description("test").addStopCondition(StopCondition.none());
    }

    private static BlastRadius radius(Experiment e) {
        return ExperimentPlan.of(e).blastRadius();
    }

    private static TargetImpact impact(Experiment e, String target) {
        return radius(e).target(target).orElseThrow();
    }

    private static Experiment oneTarget(TemplateTarget target) {
        return experiment().putTarget("web", target).putAction("stop", stopFor("web", "PT5M")).build();
    }

    // --- worst-case share ---

    @Test
    void worstCase_all_isEveryMatchingResource() {
        TargetImpact web = impact(oneTarget(tagged(SelectionMode.all()).build()), "web");

        assertThat(web.worstCase().kind()).isEqualTo(Share.Kind.ALL);
        assertThat(web.worstCase().value()).isEqualTo(100);
        assertThat(web.describeWorstCase()).isEqualTo("100% of matching resources");
        assertThat(web.chosenCount()).isEmpty();
    }

    @Test
    void worstCase_percent_isThatShare() {
        TargetImpact web = impact(oneTarget(tagged(SelectionMode.percent(25)).build()), "web");

        assertThat(web.worstCase().kind()).isEqualTo(Share.Kind.PERCENT);
        assertThat(web.worstCase().value()).isEqualTo(25);
        assertThat(web.describeWorstCase()).isEqualTo("25% of matching resources");
    }

    @Test
    void worstCase_count_isAtMostThatManyResources() {
        TargetImpact web = impact(oneTarget(tagged(SelectionMode.count(3)).build()), "web");

        assertThat(web.worstCase().kind()).isEqualTo(Share.Kind.COUNT);
        assertThat(web.worstCase().value()).isEqualTo(3);
        assertThat(web.describeWorstCase()).isEqualTo("up to 3 resources");
        assertThat(web.chosenCount()).isEmpty();
    }

    @Test
    void worstCase_arns_isExactlyTheSelectionOfThem() {
        TemplateTarget all = TemplateTarget.builder().resourceType(INSTANCE).addResourceArns(ARN_1, ARN_2)
                .selectionMode(SelectionMode.all()).build();
        TemplateTarget one = TemplateTarget.builder().resourceType(INSTANCE).addResourceArns(ARN_1, ARN_2, ARN_3)
                .selectionMode(SelectionMode.count(1)).build();

        TargetImpact byAll = impact(oneTarget(all), "web");
        TargetImpact byCount = impact(oneTarget(one), "web");

        assertThat(byAll.selectedBy()).isEqualTo(TargetImpact.SelectedBy.ARNS);
        assertThat(byAll.chosenBy()).isEqualTo("2 ARNs");
        assertThat(byAll.worstCase().kind()).isEqualTo(Share.Kind.EXACT);
        assertThat(byAll.describeWorstCase()).isEqualTo("exactly 2 resources");
        assertThat(byAll.chosenCount()).isEqualTo(OptionalLong.of(2));
        assertThat(byCount.describeWorstCase()).isEqualTo("exactly 1 resource");
    }

    @Test
    void worstCase_missingOrInvalidSelectionMode_isUnknown() {
        TemplateTarget missing = TemplateTarget.builder().resourceType(INSTANCE).putResourceTag("Role", "Web").build();
        TemplateTarget invalid = tagged(SelectionMode.of("HALF")).build();

        assertThat(impact(oneTarget(missing), "web").worstCase().describe()).isEqualTo("unknown: no selection mode");
        assertThat(impact(oneTarget(invalid), "web").worstCase().kind()).isEqualTo(Share.Kind.UNKNOWN);
        assertThat(impact(oneTarget(invalid), "web").describeWorstCase())
                .isEqualTo("unknown: selection mode \"HALF\" is not valid");
        assertThat(impact(oneTarget(invalid), "web").chosenCount()).isEmpty();
    }

    // --- how resources are chosen ---

    @Test
    void chosenBy_describesTagsFiltersAndParameters() {
        TemplateTarget t = TemplateTarget.builder().resourceType("aws:ec2:ebs-volume")
                .putResourceTag("Env", "prod").putResourceTag("Tier", "db")
                .addFilter(Filter.of("Attachments.DeleteOnTermination", "false"))
                .addFilter(Filter.of("VolumeType", "gp3", "io2"))
                .putParameter("availabilityZoneIdentifier", "eu-west-1a")
                .selectionMode(SelectionMode.all()).build();

        TargetImpact impact = impact(experiment().putTarget("vols", t).build(), "vols");

        assertThat(impact.selectedBy()).isEqualTo(TargetImpact.SelectedBy.TAGS);
        assertThat(impact.chosenBy()).isEqualTo("tags Env=prod, Tier=db; "
                + "filters Attachments.DeleteOnTermination=false, VolumeType=gp3|io2; "
                + "parameter availabilityZoneIdentifier=eu-west-1a");
        assertThat(impact.resourceType()).contains("aws:ec2:ebs-volume");
        assertThat(impact.selectionMode()).contains(SelectionMode.all());
    }

    @Test
    void selectedBy_filtersParametersOrNothing() {
        TemplateTarget filtered = TemplateTarget.builder().resourceType(INSTANCE).addFilter(Filter.of("State.Name", "running"))
                .selectionMode(SelectionMode.all()).build();
        TemplateTarget pods = TemplateTarget.builder().resourceType("aws:eks:pod").putParameter("namespace", "shop")
                .selectionMode(SelectionMode.all()).build();
        TemplateTarget bare = TemplateTarget.builder().resourceType(INSTANCE).selectionMode(SelectionMode.all()).build();

        BlastRadius r = radius(experiment().putTarget("f", filtered).putTarget("p", pods).putTarget("n", bare).build());

        assertThat(r.targets()).extracting(TargetImpact::selectedBy).containsExactly(
                TargetImpact.SelectedBy.FILTERS, TargetImpact.SelectedBy.PARAMETERS, TargetImpact.SelectedBy.NOTHING);
        assertThat(r.target("n").orElseThrow().chosenBy()).isEqualTo("nothing");
    }

    // --- actions and reversibility ---

    @Test
    void actions_listEveryActionThatHitsTheTargetWithItsKey() {
        Experiment e = experiment()
                .putTarget("web", tagged(SelectionMode.all()).build())
                .putTarget("other", tagged(SelectionMode.count(1)).build())
                .putAction("stop", stopFor("web", "PT5M"))
                .putAction("reboot", reboot("web"))
                .putAction("elsewhere", reboot("other"))
                .build();

        TargetImpact web = impact(e, "web");

        assertThat(web.actions()).extracting(ActionHit::name, ActionHit::actionId, ActionHit::targetKey)
                .containsExactly(
                        tuple("stop", "aws:ec2:stop-instances", "Instances"),
                        tuple("reboot", "aws:ec2:reboot-instances", "Instances"));
        assertThat(web.actions().get(0).describe()).isEqualTo("stop (aws:ec2:stop-instances, Instances)");
        assertThat(web.used()).isTrue();
    }

    @Test
    void reversible_whenEveryActionIsUndone() {
        BlastRadius r = radius(oneTarget(tagged(SelectionMode.all()).build()));

        assertThat(r.target("web").orElseThrow().reversible()).isTrue();
        assertThat(r.anyIrreversible()).isFalse();
        assertThat(r.irreversibleActions()).isEmpty();
    }

    @Test
    void terminateInstances_isIrreversible() {
        Experiment e = experiment()
                .putTarget("web", tagged(SelectionMode.percent(25)).build())
                .putAction("stop", stopFor("web", "PT5M"))
                .putAction("kill", hit("aws:ec2:terminate-instances", "web"))
                .build();

        BlastRadius r = radius(e);
        TargetImpact web = r.target("web").orElseThrow();

        assertThat(web.reversible()).isFalse();
        assertThat(web.irreversibleActions()).singleElement().satisfies(h -> {
            assertThat(h.name()).isEqualTo("kill");
            assertThat(h.reversible()).isFalse();
            assertThat(h.irreversibleReason()).contains("FIS does not undo aws:ec2:terminate-instances");
        });
        assertThat(r.anyIrreversible()).isTrue();
        assertThat(r.irreversibleActions()).containsOnlyKeys("kill");
        assertThat(r.safetyFacts()).contains("Irreversible: kill on target web (25% of matching resources): "
                + "FIS does not undo aws:ec2:terminate-instances.");
    }

    @Test
    void stopInstancesWithoutRestart_isIrreversible() {
        TargetImpact web = impact(experiment().putTarget("web", tagged(SelectionMode.all()).build())
                .putAction("stop", stopFor("web", null)).build(), "web");

        assertThat(web.reversible()).isFalse();
        assertThat(web.actions().get(0).irreversibleReason())
                .contains("FIS does not undo aws:ec2:stop-instances without startInstancesAfterDuration");
    }

    @Test
    void unknownOrMissingActionId_isAssumedIrreversible() {
        Experiment e = experiment().putTarget("web", tagged(SelectionMode.all()).build())
                .putAction("odd", hit("aws:ec2:melt-instances", "web"))
                .putAction("blank", Action.builder().putTarget("Instances", "web").build())
                .build();

        TargetImpact web = impact(e, "web");

        assertThat(web.actions()).extracting(h -> h.irreversibleReason().orElseThrow()).containsExactly(
                "aws:ec2:melt-instances is not in the catalog, so it is assumed irreversible",
                "the action has no action id, so it is assumed irreversible");
        assertThat(web.actions().get(1).describe()).isEqualTo("blank (no action id, Instances)");
    }

    @Test
    void untargetedRunbook_isIrreversibleAndReported() {
        Experiment e = experiment().putAction("runbook", Action.builder()
                .actionId("aws:ssm:start-automation-execution").putParameter("maxDuration", "PT10M").build()).build();

        BlastRadius r = radius(e);

        assertThat(r.targets()).isEmpty();
        assertThat(r.anyIrreversible()).isTrue();
        assertThat(r.safetyFacts()).contains("Irreversible: runbook names no target, so what it touches is decided "
                + "outside the template: FIS does not undo aws:ssm:start-automation-execution.");
    }

    // --- resolved counts ---

    @Test
    void withResolvedCounts_percentOfTen_choosesTwo() {
        BlastRadius r = radius(oneTarget(tagged(SelectionMode.percent(20)).build()))
                .withResolvedCounts(Map.of("web", 10L));
        TargetImpact web = r.target("web").orElseThrow();

        assertThat(web.matchedCount()).isEqualTo(OptionalLong.of(10));
        assertThat(web.chosenCount()).isEqualTo(OptionalLong.of(2));
        assertThat(web.describeWorstCase()).isEqualTo("2 of 10 matching resources");
    }

    @Test
    void withResolvedCounts_percentOfFour_choosesNoneAndSaysTheExperimentFails() {
        BlastRadius r = radius(oneTarget(tagged(SelectionMode.percent(20)).build()))
                .withResolvedCounts(Map.of("web", 4L));

        assertThat(r.target("web").orElseThrow().chosenCount()).isEqualTo(OptionalLong.of(0));
        assertThat(r.safetyFacts()).contains("Target web chooses no resource (PERCENT(20) of 4 matched): "
                + "the experiment fails (emptyTargetResolutionMode fail).");
    }

    @Test
    void withResolvedCounts_skipMode_saysTheActionsAreSkipped() {
        Experiment e = experiment().putTarget("web", tagged(SelectionMode.percent(20)).build())
                .putAction("stop", stopFor("web", "PT5M"))
                .experimentOptions(ExperimentOptions.builder()
                        .emptyTargetResolutionMode(EmptyTargetResolutionMode.SKIP).build())
                .build();

        BlastRadius r = radius(e).withResolvedCounts(Map.of("web", 3L));

        assertThat(r.safetyFacts()).contains("Target web chooses no resource (PERCENT(20) of 3 matched): "
                + "its actions are skipped (emptyTargetResolutionMode skip).");
    }

    @Test
    void withResolvedCounts_allAndCount_useTheSelectionMode() {
        Experiment e = experiment()
                .putTarget("all", tagged(SelectionMode.all()).build())
                .putTarget("two", tagged(SelectionMode.count(2)).build())
                .putTarget("unseen", tagged(SelectionMode.all()).build())
                .build();

        BlastRadius r = radius(e).withResolvedCounts(Map.of("all", 7L, "two", 1L));

        assertThat(r.target("all").orElseThrow().chosenCount()).isEqualTo(OptionalLong.of(7));
        assertThat(r.target("two").orElseThrow().chosenCount()).isEqualTo(OptionalLong.of(1));
        assertThat(r.target("unseen").orElseThrow().matchedCount()).isEmpty();
    }

    @Test
    void withResolvedCounts_returnsANewBlastRadius() {
        BlastRadius before = radius(oneTarget(tagged(SelectionMode.percent(20)).build()));

        BlastRadius after = before.withResolvedCounts(Map.of("web", 10L));

        assertThat(before.target("web").orElseThrow().matchedCount()).isEmpty();
        assertThat(after.target("web").orElseThrow().matchedCount()).isPresent();
    }

    @Test
    void withResolvedCounts_unknownTargetOrNegativeCount_isRejected() {
        BlastRadius r = radius(oneTarget(tagged(SelectionMode.all()).build()));

        assertThatThrownBy(() -> r.withResolvedCounts(Map.of("nope", 1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no target named \"nope\"; targets are [web]");
        assertThatThrownBy(() -> r.withResolvedCounts(Map.of("web", -1L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    @Test
    void target_unknownName_isEmpty() {
        assertThat(radius(oneTarget(tagged(SelectionMode.all()).build())).target("db")).isEmpty();
    }

    // --- safety facts ---

    @Test
    void safetyFacts_stopConditions() {
        Experiment none = oneTarget(tagged(SelectionMode.count(1)).build());
        Experiment alarmed = Experiment.builder().from(none).stopConditions(List.of(
                StopCondition.alarm("arn:aws:cloudwatch:eu-west-1:123456789012:alarm:errors"))).build();

        assertThat(radius(none).safetyFacts()).containsExactly(
                "No stop condition: no CloudWatch alarm can stop the experiment early.");
        assertThat(radius(alarmed).safetyFacts()).containsExactly(
                "Stops early when its CloudWatch alarm goes into ALARM.");
    }

    @Test
    void safetyFacts_allTargetsSharedTypesUnusedTargetsUnknownTargetsAndMultiAccount() {
        Experiment e = experiment()
                .putTarget("web", tagged(SelectionMode.all()).build())
                .putTarget("api", tagged(SelectionMode.count(1)).build())
                .putTarget("spare", tagged(SelectionMode.count(1)).build())
                .putAction("a", reboot("web"))
                .putAction("b", reboot("api"))
                .putAction("c", reboot("ghost"))
                .experimentOptions(ExperimentOptions.builder().accountTargeting(AccountTargeting.MULTI_ACCOUNT).build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("111111111111").build())
                .build();

        assertThat(radius(e).safetyFacts()).contains(
                "Target web chooses every matching aws:ec2:instance (ALL, tag Role=Web).",
                "Targets web and api both choose aws:ec2:instance resources; one resource can be hit through both.",
                "Action c names target ghost under Instances, which the template does not define.",
                "Target spare is used by no action.",
                "Multi-account: targets resolve in 1 target account.");
    }

    @Test
    void safetyFacts_disjointArnTargets_doNotShareResources() {
        Experiment e = experiment()
                .putTarget("one", TemplateTarget.builder().resourceType(INSTANCE).addResourceArns(ARN_1)
                        .selectionMode(SelectionMode.all()).build())
                .putTarget("two", TemplateTarget.builder().resourceType(INSTANCE).addResourceArns(ARN_2)
                        .selectionMode(SelectionMode.all()).build())
                .putAction("a", stopFor("one", "PT1M"))
                .putAction("b", stopFor("two", "PT1M"))
                .build();

        assertThat(radius(e).safetyFacts()).noneMatch(f -> f.startsWith("Targets "));
    }

    // --- text ---

    @Test
    void render_threeActions_isATableAndTheFacts() {
        BlastRadius r = radius(ExperimentPlanTest.threeActions()).withResolvedCounts(Map.of("web", 10L));

        assertThat(r.render()).isEqualTo("""
                Blast radius
                  target  resource type     chosen by     selection    worst case                  reversible  actions
                  web     aws:ec2:instance  tag Role=Web  PERCENT(20)  2 of 10 matching resources  NO          stop (aws:ec2:stop-instances, Instances)
                                                                                                               terminate (aws:ec2:terminate-instances, Instances)
                Safety facts
                  - No stop condition: no CloudWatch alarm can stop the experiment early.
                  - Irreversible: terminate on target web (2 of 10 matching resources): FIS does not undo aws:ec2:terminate-instances.
                """);
        assertThat(r).hasToString(r.render());
    }

    @Test
    void render_withoutTargets_saysSo() {
        assertThat(radius(experiment().build()).render()).startsWith("Blast radius\n  (no targets)\nSafety facts\n");
    }
}
