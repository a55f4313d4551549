package dev.faultline.core.policy;

import static dev.faultline.core.policy.Experiments.computeNodeLoss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link SafetyPolicy#and(SafetyPolicy)}: the stricter combination. */
class SafetyPolicyAndTest {

    private static final SafetyPolicy TEAM = SafetyPolicy.parse(Experiments.resource("/policy/team.json"));

    @Test
    void and_takesTheSmallerLimitsAndEitherRule() {
        SafetyPolicy both = SafetyPolicy.staging().and(SafetyPolicy.builder().name("team").maxPercent(60).maxCount(3)
                .maxDuration(Duration.ofHours(8)).requireHypothesis(true).build());
        assertThat(both.name()).contains("staging+team");
        assertThat(both.maxPercent()).hasValue(50);
        assertThat(both.maxCount()).hasValue(3);
        assertThat(both.maxDuration()).contains(Duration.ofHours(4));
        assertThat(both.requireHypothesis()).isTrue();
        assertThat(both.requireAlarmStopCondition()).isTrue();
        assertThat(both.forbidAllOnTagSelectedTargets()).isTrue();
        assertThat(both.forbidIrreversibleActions()).isFalse();
    }

    @Test
    void and_withNone_isTheSamePolicy() {
        for (String name : SafetyPolicy.presetNames()) {
            assertThat(SafetyPolicy.preset(name).and(SafetyPolicy.none())).isEqualTo(SafetyPolicy.preset(name));
            assertThat(SafetyPolicy.none().and(SafetyPolicy.preset(name))).isEqualTo(SafetyPolicy.preset(name));
        }
        assertThat(TEAM.and(TEAM)).isEqualTo(TEAM);
    }

    @Test
    void and_intersectsAllowedActionGlobs() {
        SafetyPolicy a = SafetyPolicy.builder().addAllowedActions("aws:ec2:*", "aws:fis:wait").build();
        SafetyPolicy b = SafetyPolicy.builder().addAllowedActions("aws:ec2:stop-instances", "aws:*:wait", "aws:rds:*").build();
        // exact: an id allowed by both is aws:ec2:stop-instances, or an ec2 id ending in "wait", or aws:fis:wait
        assertThat(a.and(b).allowedActions())
                .containsExactly("aws:ec2:stop-instances", "aws:ec2:wait", "aws:ec2:*:wait", "aws:fis:wait");
        assertThat(a.and(SafetyPolicy.none()).allowedActions()).containsExactly("aws:ec2:*", "aws:fis:wait");
    }

    @Test
    void and_disjointAllowedActions_isAContradiction() {
        SafetyPolicy ec2 = SafetyPolicy.builder().name("ec2").addAllowedAction("aws:ec2:*").build();
        SafetyPolicy rds = SafetyPolicy.builder().name("rds").addAllowedAction("aws:rds:*").build();
        assertThatThrownBy(() -> ec2.and(rds)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The ec2 policy and the rds policy contradict each other")
                .hasMessageContaining("no action id matches both");
    }

    @Test
    void and_unitesForbiddenActionsWithoutRedundantPatterns() {
        SafetyPolicy a = SafetyPolicy.builder().addForbiddenAction("aws:ec2:terminate-instances").build();
        SafetyPolicy b = SafetyPolicy.builder().addForbiddenActions("aws:ec2:*", "aws:rds:failover-db-cluster").build();
        assertThat(a.and(b).forbiddenActions()).containsExactly("aws:ec2:*", "aws:rds:failover-db-cluster");
    }

    @Test
    void and_requiredTags_unitesKeysAndIntersectsValues() {
        SafetyPolicy a = SafetyPolicy.builder().addRequiredTags(TagPattern.any("Owner"), TagPattern.of("Team", "pay*")).build();
        SafetyPolicy b = SafetyPolicy.builder().addRequiredTags(TagPattern.of("Owner", "team-*"), TagPattern.any("CostCenter")).build();
        assertThat(a.and(b).requiredTags()).containsExactly(TagPattern.of("Owner", "team-*"),
                TagPattern.of("Team", "pay*"), TagPattern.any("CostCenter"));
        SafetyPolicy c = SafetyPolicy.builder().addRequiredTag(TagPattern.of("Team", "search")).build();
        assertThatThrownBy(() -> a.and(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no value of tag 'Team'");
    }

    @Test
    void and_intersectsAccountsAndRegions() {
        SafetyPolicy a = SafetyPolicy.builder().addAllowedAccounts("111111111111", "222222222222")
                .addAllowedRegions("us-east-1", "eu-west-1").build();
        SafetyPolicy b = SafetyPolicy.builder().addAllowedAccounts("222222222222", "333333333333").build();
        assertThat(a.and(b).allowedAccounts()).containsExactly("222222222222");
        assertThat(a.and(b).allowedRegions()).containsExactly("us-east-1", "eu-west-1");
        SafetyPolicy c = SafetyPolicy.builder().addAllowedAccount("444444444444").build();
        assertThatThrownBy(() -> a.and(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no account is in both");
    }

    @Test
    void and_unitesMarkersAndCombinesTheNestedPolicies() {
        SafetyPolicy both = SafetyPolicy.staging().and(TEAM);
        assertThat(both.productionMarkers()).containsExactly(TagPattern.of("Environment", "production", "prod"),
                TagPattern.of("Tier", "critical"));
        SafetyPolicy nested = both.productionPolicy().orElseThrow();
        assertThat(nested.name()).contains("production+payments-production");
        assertThat(nested.maxPercent()).hasValue(10);
        assertThat(nested.requireHypothesis()).isTrue();
        assertThat(nested.forbidIrreversibleActions()).isTrue();
    }

    @Test
    void and_reportsAtLeastWhatEitherReports_andIsSymmetricInEffect() {
        List<Experiment> experiments = new ArrayList<>();
        Corpus.FILES.forEach(f -> experiments.add(TemplateJson.read(Corpus.text(f)).experiment().orElseThrow()));
        experiments.add(computeNodeLoss());
        experiments.add(Experiments.azPowerInterruption());
        experiments.add(Experiments.withWorkers(Experiments.workers(SelectionMode.percent(40))
                .putResourceTag("Tier", "critical").build()));
        List<SafetyPolicy> policies = List.of(SafetyPolicy.sandbox(), SafetyPolicy.staging(), SafetyPolicy.production(), TEAM);
        for (SafetyPolicy a : policies) {
            for (SafetyPolicy b : policies) {
                SafetyPolicy both = a.and(b);
                for (Experiment e : experiments) {
                    Set<String> combined = places(both, e);
                    assertThat(combined).as("%s and %s on %s", a.name(), b.name(), e.name())
                            .containsAll(places(a, e)).containsAll(places(b, e))
                            .isEqualTo(places(b.and(a), e));
                }
            }
        }
    }

    /**
     * The code and path of each violation: what must be fixed, not how the message reads. An action
     * id gets one error, the most specific of the rules it breaks, so the combination may name it
     * with another of the three action-id codes than either policy alone: those count as one.
     */
    private static Set<String> places(SafetyPolicy policy, Experiment e) {
        return policy.check(e).violations().stream()
                .map(v -> (v.path().endsWith("/actionId") && ACTION_ID_CODES.contains(v.code()) ? "policy.action" : v.code())
                        + " " + v.path())
                .collect(Collectors.toSet());
    }

    private static final Set<String> ACTION_ID_CODES = Set.of("policy.action-forbidden", "policy.irreversible-action",
            "policy.action-not-allowed");

    @Test
    void and_ofPresets_isStillAPolicyThatReadsBack() {
        SafetyPolicy both = SafetyPolicy.staging().and(SafetyPolicy.production()).and(TEAM);
        assertThat(SafetyPolicy.parse(both.toJson())).isEqualTo(both);
        assertThat(both.check(computeNodeLoss()).violations()).extracting(Violation::code)
                .contains("policy.tag-required");
    }
}
