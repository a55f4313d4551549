package dev.faultline.core.policy;

import static dev.faultline.core.policy.Experiments.azPowerInterruption;
import static dev.faultline.core.policy.Experiments.computeNodeLoss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Corpus;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The presets: their values (as docs/policies.md lists them) and what they say about real templates. */
class PresetsTest {

    private static Experiment corpus(String file) {
        return TemplateJson.read(Corpus.text(file)).experiment().orElseThrow();
    }

    private static List<Violation> policyErrors(ValidationResult result) {
        return result.errors().stream().filter(v -> v.code().startsWith("policy.")).collect(Collectors.toList());
    }

    private static Experiment owned(Experiment e) {
        return Experiment.builder().from(e).putTag("Owner", "payments-team").build();
    }

    // ---- values --------------------------------------------------------------------------

    @Test
    void sandbox_hasNoRules() {
        SafetyPolicy sandbox = SafetyPolicy.sandbox();
        assertThat(sandbox.name()).contains("sandbox");
        assertThat(SafetyPolicy.builder().from(sandbox).name(Optional.empty()).description(Optional.empty()).build())
                .isEqualTo(SafetyPolicy.none());
    }

    @Test
    void staging_hasTheDocumentedValues() {
        SafetyPolicy staging = SafetyPolicy.staging();
        assertThat(staging.name()).contains("staging");
        assertThat(staging.maxPercent()).hasValue(50);
        assertThat(staging.maxCount()).isEmpty();
        assertThat(staging.maxDuration()).contains(Duration.ofHours(4));
        assertThat(staging.forbidAllOnTagSelectedTargets()).isTrue();
        assertThat(staging.requireAlarmStopCondition()).isTrue();
        assertThat(staging.requireHypothesis()).isFalse();
        assertThat(staging.forbidIrreversibleActions()).isFalse();
        assertThat(staging.allowedActions()).isEmpty();
        assertThat(staging.forbiddenActions()).isEmpty();
        assertThat(staging.requiredTags()).isEmpty();
        assertThat(staging.productionMarkers()).containsExactly(TagPattern.of("Environment", "production", "prod"));
    }

    @Test
    void staging_nestsTheProductionPreset() {
        SafetyPolicy production = SafetyPolicy.builder().from(SafetyPolicy.production())
                .description(Optional.empty()).build();
        assertThat(SafetyPolicy.staging().productionPolicy()).contains(production);
    }

    @Test
    void production_hasTheDocumentedValues() {
        SafetyPolicy production = SafetyPolicy.production();
        assertThat(production.name()).contains("production");
        assertThat(production.maxPercent()).hasValue(25);
        assertThat(production.maxCount()).hasValue(5);
        assertThat(production.maxDuration()).contains(Duration.ofHours(1));
        assertThat(production.forbidAllOnTagSelectedTargets()).isTrue();
        assertThat(production.requireAlarmStopCondition()).isTrue();
        assertThat(production.requireHypothesis()).isTrue();
        assertThat(production.forbidIrreversibleActions()).isTrue();
        assertThat(production.requiredTags()).containsExactly(TagPattern.any("Owner"));
        assertThat(production.productionMarkers()).isEmpty();
        assertThat(production.productionPolicy()).isEmpty();
    }

    @Test
    void presets_areReadOnce() {
        assertThat(SafetyPolicy.staging()).isSameAs(SafetyPolicy.staging()).isSameAs(SafetyPolicy.preset("staging"));
    }

    @Test
    void preset_byNameIgnoringCase() {
        assertThat(SafetyPolicy.preset("Production")).isSameAs(SafetyPolicy.production());
        assertThat(SafetyPolicy.presetNames()).containsExactly("sandbox", "staging", "production");
    }

    @Test
    void preset_unknownName_namesThePresets() {
        assertThatThrownBy(() -> SafetyPolicy.preset("stageing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'stageing'")
                .hasMessageContaining("did you mean 'staging'?")
                .hasMessageContaining("sandbox, staging, production");
    }

    // ---- compute node loss ---------------------------------------------------------------

    @Test
    void computeNodeLoss_passesStagingWithNoError() {
        ValidationResult result = Validator.standard().with(SafetyPolicy.staging()).validate(computeNodeLoss());
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void computeNodeLoss_withAnOwner_passesProductionWithNoError() {
        ValidationResult result = Validator.standard().with(SafetyPolicy.production()).validate(owned(computeNodeLoss()));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void computeNodeLoss_withoutAnOwner_failsProductionOnTheTag() {
        ValidationResult result = Validator.standard().with(SafetyPolicy.production()).validate(computeNodeLoss());
        assertThat(result.errors()).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.tag-required", "/tags/Owner"));
    }

    @Test
    void computeNodeLoss_onProductionWorkers_passesStagingOnlyWithAnOwner() {
        Experiment production = Experiments.withWorkers(Experiments.workers(
                dev.faultline.core.model.SelectionMode.percent(20)).putResourceTag("Environment", "Production").build());
        ValidationResult unowned = Validator.standard().with(SafetyPolicy.staging()).validate(production);
        assertThat(unowned.errors()).extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.tag-required", "/tags/Owner"));
        assertThat(unowned.errors().get(0).message()).startsWith("Production target 'workers' (Environment=Production)");
        assertThat(Validator.standard().with(SafetyPolicy.staging()).validate(owned(production)).errors()).isEmpty();
    }

    // ---- AZ power interruption -----------------------------------------------------------

    @Test
    void azPowerInterruption_passesStagingWithNoError() {
        ValidationResult result = Validator.standard().with(SafetyPolicy.staging()).validate(azPowerInterruption());
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void azPowerInterruption_failsProductionOnTheFailoverAndTheMissingHypothesisAndOwner() {
        ValidationResult result = Validator.standard().with(SafetyPolicy.production()).validate(azPowerInterruption());
        assertThat(policyErrors(result)).extracting(Violation::code, Violation::path).containsExactlyInAnyOrder(
                tuple("policy.hypothesis-required", "/hypothesis"),
                tuple("policy.irreversible-action", "/actions/Failover-RDS/actionId"),
                tuple("policy.tag-required", "/tags/Owner"));
    }

    @Test
    void azPowerInterruption_withoutItsZoneFilter_failsStagingOnThatTarget() {
        Experiment e = azPowerInterruption();
        Experiment unbounded = Experiment.builder().from(e).putTarget("EC2-Instances",
                dev.faultline.core.model.TemplateTarget.builder().from(e.targets().get("EC2-Instances"))
                        .filters(List.of(dev.faultline.core.model.Filter.of("State.Name", "running"))).build())
                .build();
        assertThat(policyErrors(Validator.standard().with(SafetyPolicy.staging()).validate(unbounded)))
                .extracting(Violation::code, Violation::path)
                .containsExactly(tuple("policy.all-on-tags", "/targets/EC2-Instances/selectionMode"));
    }

    // ---- corpus --------------------------------------------------------------------------

    @Test
    void sandbox_addsNothingToAnyCorpusTemplate() {
        for (String file : Corpus.FILES) {
            assertThat(SafetyPolicy.sandbox().check(corpus(file)).violations()).as(file).isEmpty();
        }
    }

    @Test
    void staging_requiresAnAlarmOfEveryCorpusTemplate() {
        for (String file : Corpus.FILES) {
            assertThat(SafetyPolicy.staging().check(corpus(file)).withCode("policy.alarm-required")).as(file)
                    .extracting(Violation::path).containsExactly("/stopConditions");
        }
    }

    @Test
    void staging_onZonalCorpusTemplates_reportsOnlyTheMissingAlarm() {
        for (String file : List.of("elasticache-az-power-interruption-experiment-template.json",
                "ecs-fargate-az-impairment-template.json")) {
            assertThat(SafetyPolicy.staging().check(corpus(file)).violations()).as(file)
                    .extracting(Violation::code).containsExactly("policy.alarm-required");
        }
    }

    @Test
    void staging_onAuroraFailover_reportsTheUnboundedAll() {
        assertThat(SafetyPolicy.staging().check(corpus("aurora-cluster-failover-template.json")).violations())
                .extracting(Violation::code, Violation::path).containsExactly(
                        tuple("policy.all-on-tags", "/targets/Clusters-Target-1/selectionMode"),
                        tuple("policy.alarm-required", "/stopConditions"));
    }

    @Test
    void production_onEc2Terminate_reportsEveryMissingSafeguard() {
        assertThat(SafetyPolicy.production().check(corpus("ec2-instances-terminate-template.json")).violations())
                .extracting(Violation::code, Violation::path).containsExactly(
                        tuple("policy.alarm-required", "/stopConditions"),
                        tuple("policy.hypothesis-required", "/hypothesis"),
                        tuple("policy.irreversible-action", "/actions/ec2-instances-terminate/actionId"),
                        tuple("policy.tag-required", "/tags/Owner"));
    }

    @Test
    void production_onSsmAutomation_reportsItsLengthAndIrreversibility() {
        assertThat(SafetyPolicy.production().check(corpus("database-blocking-locks-template.json")).violations())
                .extracting(Violation::code, Violation::path).contains(
                        tuple("policy.max-duration", "/actions"),
                        tuple("policy.irreversible-action", "/actions/InjectBlockingLocks/actionId"));
    }
}
