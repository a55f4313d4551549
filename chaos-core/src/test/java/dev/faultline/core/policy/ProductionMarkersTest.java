package dev.faultline.core.policy;

import static dev.faultline.core.policy.Experiments.computeNodeLoss;
import static dev.faultline.core.policy.Experiments.withWorkers;
import static dev.faultline.core.policy.Experiments.workers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.validation.ValidationContext;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Production markers and the production policy nested in a policy. */
class ProductionMarkersTest {

    private static Experiment production(int percent, String environment) {
        return withWorkers(workers(SelectionMode.percent(percent)).putResourceTag("Environment", environment).build());
    }

    @Test
    void productionTargets_matchKeysAndValuesIgnoringCase() {
        assertThat(SafetyPolicy.staging().productionTargets(production(20, "PROD")))
                .containsExactly(entry("workers", "Environment=PROD"));
        Experiment lowerKey = withWorkers(workers(SelectionMode.percent(20)).putResourceTag("environment", "production").build());
        assertThat(SafetyPolicy.staging().productionTargets(lowerKey)).containsOnlyKeys("workers");
        assertThat(SafetyPolicy.staging().productionTargets(production(20, "staging"))).isEmpty();
        assertThat(SafetyPolicy.staging().productionTargets(computeNodeLoss())).isEmpty();
    }

    @Test
    void productionTargets_markerValuesAreGlobs() {
        SafetyPolicy policy = SafetyPolicy.builder().addProductionMarker(TagPattern.of("Environment", "prod*"))
                .productionPolicy(SafetyPolicy.builder().maxPercent(10).build()).build();
        assertThat(policy.productionTargets(production(20, "production-eu"))).containsOnlyKeys("workers");
    }

    @Test
    void aProductionTarget_getsTheNestedPolicyWithItsNameInTheMessage() {
        List<Violation> found = SafetyPolicy.staging().check(production(40, "prod")).violations();
        assertThat(found).extracting(Violation::code, Violation::path).containsExactly(
                tuple("policy.max-percent", "/targets/workers/selectionMode"),
                tuple("policy.tag-required", "/tags/Owner"));
        assertThat(found.get(0).message()).isEqualTo("Production target 'workers' (Environment=prod): the production "
                + "policy allows at most PERCENT(25), but target 'workers' selects PERCENT(40).");
    }

    /** The policy writes into the validator's list: the production policy replaces the policy's own violations, never an earlier rule's. */
    @Test
    void theProductionPolicy_replacesOnlyThePolicysOwnViolations_notOnesAlreadyInTheList() {
        Violation earlier = Violation.error(ViolationCode.POLICY_MAX_PERCENT, "/targets/workers/selectionMode",
                "Another rule's violation at the same code and path.", null);
        List<Violation> out = new ArrayList<>(List.of(earlier));
        SafetyPolicy.staging().check(production(60, "production"), ValidationContext.of(Catalog.defaultCatalog()), out);
        assertThat(out.get(0)).isSameAs(earlier);
        assertThat(out.subList(1, out.size())).extracting(Violation::code, Violation::path).containsExactly(
                tuple("policy.max-percent", "/targets/workers/selectionMode"),
                tuple("policy.tag-required", "/tags/Owner"));
        assertThat(out.get(1).message()).startsWith("Production target 'workers'").contains("PERCENT(25)");
    }

    @Test
    void aNonProductionTarget_getsOnlyTheOuterPolicy() {
        Experiment e = withWorkers(workers(SelectionMode.percent(40)).build());
        assertThat(SafetyPolicy.staging().check(e).violations()).isEmpty();
    }

    @Test
    void aViolationOfBothPolicies_isReportedOnceByTheStricter() {
        List<Violation> found = SafetyPolicy.staging().check(production(60, "production")).withCode("policy.max-percent");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).message()).startsWith("Production target 'workers'").contains("PERCENT(25)");
    }

    @Test
    void theNestedPolicy_appliesToTheWholeExperiment() {
        Experiment e = Experiment.builder().from(production(20, "production"))
                .putTarget("batch", workers(SelectionMode.percent(40)).putResourceTag("Role", "Batch").build())
                .putTag("Owner", "payments")
                .build();
        assertThat(SafetyPolicy.staging().check(e).violations()).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.max-percent", "/targets/batch/selectionMode"));
    }

    @Test
    void severalProductionTargets_areAllNamed() {
        Experiment e = Experiment.builder().from(production(20, "production"))
                .putTarget("more", workers(SelectionMode.percent(10)).putResourceTag("Environment", "prod").build())
                .build();
        Violation v = SafetyPolicy.staging().check(e).violations().get(0);
        assertThat(v.message()).startsWith(
                "Production targets 'workers' (Environment=production), 'more' (Environment=prod): the production policy");
    }

    @Test
    void anUnnamedNestedPolicy_isCalledItsParentForProduction() {
        SafetyPolicy policy = SafetyPolicy.builder().name("team").addProductionMarker(TagPattern.of("Environment", "prod"))
                .productionPolicy(SafetyPolicy.builder().maxPercent(10).build()).build();
        assertThat(policy.check(production(20, "prod")).violations().get(0).message())
                .startsWith("Production target 'workers' (Environment=prod): the team policy for production allows");
    }

    @Test
    void invariants_markersAndNestedPolicyComeTogetherAndDoNotNest() {
        SafetyPolicy strict = SafetyPolicy.builder().maxPercent(10).build();
        assertThatThrownBy(() -> SafetyPolicy.builder().productionPolicy(strict).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs productionMarkers");
        assertThatThrownBy(() -> SafetyPolicy.builder().addProductionMarker(TagPattern.any("Prod")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need a productionPolicy");
        assertThatThrownBy(() -> SafetyPolicy.builder().addProductionMarker(TagPattern.any("Prod"))
                .productionPolicy(SafetyPolicy.staging()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("of its own");
        assertThatThrownBy(() -> SafetyPolicy.builder().addProductionMarkers(TagPattern.any("Env"), TagPattern.any("env"))
                .productionPolicy(strict).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }
}
