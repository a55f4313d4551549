package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.report.RunReport;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The account's FIS safety lever, as LocalFis emulates it: before the start and during a run. */
@Timeout(60)
class FisEngineLeverTest {

    private EngineFixture fx;
    private FisEngine engine;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
    }

    @AfterEach
    void tearDown() {
        engine.close();
        fx.close();
    }

    @Test
    void leverEngaged_beforeTheStart_refusesTheRunWithTheLeversReason_andCreatesNothing() {
        fx.localFis.engageSafetyLever("region evacuation drill");

        assertThatThrownBy(() -> engine.start(fx.nodeLoss(), RunOptions.defaults()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RunRefusedException.class, e -> {
                    assertThat(e.preflight().failures()).extracting(PreflightCheck::name)
                            .containsExactly(PreflightCheck.SAFETY_LEVER);
                    assertThat(e.preflight().failures().get(0).message())
                            .contains("safety lever is engaged: region evacuation drill")
                            .contains("disengaged");
                    assertThat(e.preflight().checks()).filteredOn(c -> c.name().equals(PreflightCheck.TARGETS))
                            .as("the target preview is not tried: FIS would cancel it").singleElement()
                            .extracting(PreflightCheck::status).isEqualTo(PreflightCheck.Status.SKIPPED);
                });
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
        assertThat(fx.fis.listExperiments(b -> { }).join().experiments()).isEmpty();
    }

    @Test
    void leverEngaged_midRun_theOutcomeAndTheReportNameTheLeverAndItsReason() {
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> run.state() == RunState.RUNNING);

        fx.localFis.engageSafetyLever("incident 4711: stop all chaos");
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.SAFETY_LEVER);
        assertThat(outcome.stopReason()).hasValueSatisfying(r -> assertThat(r)
                .isEqualTo("The account's FIS safety lever was engaged: incident 4711: stop all chaos"));
        String report = RunReport.of(run.experiment(), outcome).toMarkdown();
        assertThat(report).contains("Stopped by:** SAFETY\\_LEVER: The account's FIS safety lever was engaged: incident 4711");
    }

    @Test
    void aRunStoppedByItsCaller_isNotBlamedOnALeverEngagedLater() {
        ExperimentRun run = engine.start(fx.nodeLoss(), RunOptions.builder().preview(false).build()).join();
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> run.state() == RunState.RUNNING);
        run.stop("game day over");
        fx.localFis.engageSafetyLever("later");
        fx.advanceUntilDone(run, Duration.ofSeconds(1));

        RunOutcome outcome = run.completion().join();
        assertThat(outcome.stopSource()).contains(StopSource.CALLER);
    }
}
