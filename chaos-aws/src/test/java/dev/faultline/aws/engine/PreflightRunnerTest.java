package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.PreflightCheck.Status;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class PreflightRunnerTest {

    private static final List<String> ORDER = List.of(PreflightCheck.VALIDATION, PreflightCheck.SAFETY_LEVER,
            PreflightCheck.STOP_CONDITIONS, PreflightCheck.STEADY_STATE, PreflightCheck.PERMISSIONS,
            PreflightCheck.TARGETS);

    private final ManualClock clock = Clocks.manual();
    private PreflightFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = PreflightFixture.withIamStub(clock);
        fx.pump(clock);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private ExperimentDraft nodeLoss(String role, double errorThreshold) {
        return fx.nodeLoss(role).hypothesis(steadyState("errors").metric("App", "Errors").sum()
                .per(Duration.ofMinutes(1)).below(errorThreshold));
    }

    private Preflight check(Experiment e, RunOptions options) {
        return new PreflightRunner(fx.context).check(e, options).join();
    }

    private static List<String> names(Preflight p) {
        return p.checks().stream().map(PreflightCheck::name).toList();
    }

    private static PreflightCheck named(Preflight p, String name) {
        return p.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void check_everythingHealthy_passesEveryCheckInOrderWithTheResolvedTargets() {
        Preflight p = check(nodeLoss("Worker", 5).build(), RunOptions.defaults());

        assertThat(p.passed()).as(p.toString()).isTrue();
        assertThat(names(p)).isEqualTo(ORDER);
        assertThat(p.checks()).extracting(PreflightCheck::status).containsOnly(Status.PASSED);
        assertThat(p.resolvedTargets()).containsOnlyKeys("Workers");
        assertThat(p.resolvedTargets().get("Workers")).hasSize(2);
        assertThat(fx.iamStub().requests()).as("one SimulatePrincipalPolicy page for the 5 actions").hasSize(1);
        assertThat(fx.templates()).isEmpty();
        assertThat(fx.experiments()).hasSize(1);
        assertThat(fx.experiments().get(0).state().statusAsString()).isEqualTo("completed");
    }

    @Test
    void check_alarmAlreadyFiring_refusesWithoutAPreview() {
        fx.local.alarms().setState(PreflightFixture.ALARM, AlarmState.ALARM, "errors above 10");

        Preflight p = check(nodeLoss("Worker", 5).build(), RunOptions.defaults());

        assertThat(p.passed()).isFalse();
        assertThat(names(p)).isEqualTo(ORDER);
        assertThat(p.failures()).extracting(PreflightCheck::name).containsExactly(PreflightCheck.STOP_CONDITIONS);
        assertThat(p.failures().get(0).message()).contains("already firing");
        assertThat(named(p, PreflightCheck.TARGETS).status()).isEqualTo(Status.SKIPPED);
        assertThat(named(p, PreflightCheck.TARGETS).message()).contains("an earlier check failed");
        assertThat(fx.templates()).isEmpty();
        assertThat(fx.experiments()).isEmpty();
    }

    @Test
    void check_validationError_stopsBeforeAnyAwsCall() {
        Experiment broken = Experiment.builder().from(nodeLoss("Worker", 5).build()).roleArn(Optional.empty()).build();
        assertThat(Validator.standard().validate(broken).hasErrors()).isTrue();

        Preflight p = check(broken, RunOptions.defaults());

        assertThat(p.checks()).hasSize(1);
        assertThat(p.checks().get(0).name()).isEqualTo(PreflightCheck.VALIDATION);
        assertThat(p.checks().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(p.checks().get(0).message()).contains("error(s):");
        assertThat(p.violations()).anyMatch(v -> v.severity() == Severity.ERROR);
        assertThat(fx.calls.attempts()).isZero();
        assertThat(fx.iamStub().requests()).isEmpty();
        assertThat(fx.templates()).isEmpty();
        assertThat(fx.experiments()).isEmpty();
    }

    @Test
    void check_notInSteadyState_refuses() {
        Preflight p = check(nodeLoss("Worker", 0.5).build(), RunOptions.defaults());

        assertThat(p.failures()).extracting(PreflightCheck::name).containsExactly(PreflightCheck.STEADY_STATE);
        assertThat(p.failures().get(0).message()).startsWith("not in steady state: errors (before): 1, must be < 0.5: BREACHED");
        assertThat(fx.experiments()).isEmpty();
    }

    @Test
    void check_steadyStateWithoutData_warnsAndStillPasses() {
        Experiment e = fx.nodeLoss("Worker").hypothesis(steadyState("latency").metric("App", "Latency").average()
                .per(Duration.ofMinutes(1)).below(200)).build();

        Preflight p = check(e, RunOptions.defaults());

        assertThat(p.passed()).as(p.toString()).isTrue();
        assertThat(named(p, PreflightCheck.STEADY_STATE).status()).isEqualTo(Status.WARNING);
    }

    @Test
    void check_roleLacksPermissions_refusesListingThem() {
        fx.iamStub().decide("ec2:StopInstances", "implicitDeny");

        Preflight p = check(nodeLoss("Worker", 5).build(), RunOptions.defaults());

        assertThat(p.failures()).extracting(PreflightCheck::name).containsExactly(PreflightCheck.PERMISSIONS);
        assertThat(p.failures().get(0).message()).contains("ec2:StopInstances (implicitDeny)");
        assertThat(fx.experiments()).isEmpty();
    }

    @Test
    void check_severalProblems_reportsEachOne() {
        fx.local.alarms().setState(PreflightFixture.ALARM, AlarmState.INSUFFICIENT_DATA, "no data");
        fx.iamStub().decide("ec2:StartInstances", "explicitDeny");

        Preflight p = check(nodeLoss("Worker", 0.5).build(), RunOptions.defaults());

        assertThat(p.failures()).extracting(PreflightCheck::name).containsExactly(PreflightCheck.STOP_CONDITIONS,
                PreflightCheck.STEADY_STATE, PreflightCheck.PERMISSIONS);
    }

    @Test
    void check_emptyTargetSet_refusesNamingTheTarget() {
        Preflight p = check(nodeLoss("Nobody", 5).build(), RunOptions.defaults());

        assertThat(p.failures()).extracting(PreflightCheck::name).containsExactly(PreflightCheck.TARGETS);
        assertThat(p.failures().get(0).message()).contains("target \"Workers\" did not resolve");
        assertThat(p.resolvedTargets()).isEmpty();
        assertThat(fx.templates()).isEmpty();
    }

    @Test
    void check_previewTurnedOff_skipsTheTargetsAndStartsNothing() {
        Preflight p = check(nodeLoss("Nobody", 5).build(), RunOptions.builder().preview(false).build());

        assertThat(p.passed()).isTrue();
        assertThat(named(p, PreflightCheck.TARGETS).status()).isEqualTo(Status.SKIPPED);
        assertThat(named(p, PreflightCheck.TARGETS).message()).contains("turn it off");
        assertThat(fx.experiments()).isEmpty();
        assertThat(fx.templates()).isEmpty();
    }
}
