package dev.faultline.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.CheckPhase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunOutcomeTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private static RunOutcome.Builder outcome(RunState state) {
        return RunOutcome.builder().experimentId("EXP1").state(state);
    }

    private static HypothesisVerdict verdict(Verdict v) {
        return HypothesisVerdict.builder().verdict(v).summary("because").build();
    }

    @Test
    void succeeded_completedWithoutHypothesis() {
        assertThat(outcome(RunState.COMPLETED).build().succeeded()).isTrue();
    }

    @Test
    void succeeded_completedWithHeldOrInconclusiveVerdict() {
        assertThat(outcome(RunState.COMPLETED).verdict(verdict(Verdict.HELD)).build().succeeded()).isTrue();
        assertThat(outcome(RunState.COMPLETED).verdict(verdict(Verdict.INCONCLUSIVE)).build().succeeded()).isTrue();
    }

    @Test
    void succeeded_refutedHypothesis_isNotASuccessEvenWhenCompleted() {
        assertThat(outcome(RunState.COMPLETED).verdict(verdict(Verdict.REFUTED)).build().succeeded()).isFalse();
    }

    @Test
    void succeeded_anyOtherFinalState_isNotASuccess() {
        for (RunState s : List.of(RunState.STOPPED, RunState.FAILED, RunState.CANCELLED)) {
            assertThat(outcome(s).verdict(verdict(Verdict.HELD)).build().succeeded()).as(s.toString()).isFalse();
        }
    }

    @Test
    void toString_minimal() {
        assertThat(outcome(RunState.COMPLETED).build()).hasToString("RunOutcome[EXP1 completed]");
    }

    @Test
    void toString_namesReasonErrorStopAndVerdict() {
        RunOutcome o = outcome(RunState.STOPPED).reason("Stopped by user.").errorCode("Oops")
                .stopSource(StopSource.HYPOTHESIS).stopReason("breach").verdict(verdict(Verdict.REFUTED)).build();

        assertThat(o).hasToString("RunOutcome[EXP1 stopped (Stopped by user.) error=Oops stoppedBy=HYPOTHESIS "
                + "verdict=REFUTED]");
    }

    @Test
    void events_areAuxiliary_twoOutcomesDifferingOnlyInEventsAreEqual() {
        RunOutcome a = outcome(RunState.COMPLETED).build();
        RunOutcome b = outcome(RunState.COMPLETED)
                .addEvent(new RunEvent.StateChanged("EXP1", T0, RunState.RUNNING, RunState.COMPLETED, "")).build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(b.events()).hasSize(1);
    }

    @Test
    void builder_missingRequiredFields_saysWhichOnes() {
        assertThatThrownBy(() -> RunOutcome.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("experimentId").hasMessageContaining("state");
    }

    @Test
    void lists_areImmutableCopies() {
        RunOutcome o = outcome(RunState.COMPLETED).addAction(ActionOutcome.builder().name("a")
                .state(ActionState.COMPLETED).build()).build();

        assertThatThrownBy(() -> o.actions().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void hypothesisChecked_heldIsFalseOnlyWhenAReadingBreached() {
        var c = dev.faultline.core.model.SteadyStateCondition.builder()
                .comparison(dev.faultline.core.model.Comparison.LessThanThreshold).threshold(1.0).build();
        var ok = new Evidence(c, CheckPhase.DURING, T0, java.util.OptionalDouble.of(0.5));
        var missing = new Evidence(c, CheckPhase.DURING, T0, java.util.OptionalDouble.empty());
        var bad = new Evidence(c, CheckPhase.DURING, T0, java.util.OptionalDouble.of(2));

        assertThat(new RunEvent.HypothesisChecked("EXP1", T0, CheckPhase.DURING, List.of(ok, missing)).held()).isTrue();
        assertThat(new RunEvent.HypothesisChecked("EXP1", T0, CheckPhase.DURING, List.of(ok, bad)).held()).isFalse();
    }

    @Test
    void preflight_passedUnlessACheckFailed() {
        Preflight ok = Preflight.builder().addCheck(PreflightCheck.passed("validation", "fine"))
                .addCheck(PreflightCheck.skipped("permissions", "no IAM client")).build();
        Preflight bad = Preflight.builder().from(ok).addCheck(PreflightCheck.failed("stop-conditions", "in ALARM"))
                .build();

        assertThat(ok.passed()).isTrue();
        assertThat(ok.failures()).isEmpty();
        assertThat(bad.passed()).isFalse();
        assertThat(bad.failures()).extracting(PreflightCheck::name).containsExactly("stop-conditions");
        assertThat(bad.toString()).startsWith("Preflight FAILED").contains("[FAILED] stop-conditions: in ALARM");
    }
}
