package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;

/** A controller is replaced mid-run: a second engine attaches and sees the real outcome. */
@Timeout(60)
class FisEngineAttachTest {

    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ExperimentRun startAndAbandon(Experiment experiment) {
        try (FisEngine first = fx.engine()) {
            ExperimentRun run = first.start(experiment, RunOptions.builder().preview(false).build()).join();
            fx.clock.advance(Duration.ofSeconds(2));
            await(() -> run.state() == RunState.RUNNING);
            return run;
        }
    }

    @Test
    void attach_afterTheControllerIsReplaced_completesWithTheRealOutcome() {
        Instant t0 = fx.clock.instant();
        Experiment experiment = fx.nodeLoss();
        ExperimentRun abandoned = startAndAbandon(experiment);
        assertThatThrownBy(() -> abandoned.completion().join()).cause().isInstanceOf(EngineException.class);
        assertThat(fx.localFis.experimentStatus(abandoned.experimentId())).contains("running");

        try (FisEngine second = fx.engine()) {
            ExperimentRun run = second.attach(abandoned.experimentId(), experiment).join();
            assertThat(run.experiment()).isEqualTo(experiment);
            assertThat(run.templateId()).isEqualTo(abandoned.templateId());
            assertThat(run.state()).isEqualTo(RunState.RUNNING);
            assertThat(run.events().get(0)).isInstanceOfSatisfying(RunEvent.RunStarted.class,
                    e -> assertThat(e.attached()).isTrue());
            assertThat(second.activeRuns()).containsExactly(run);

            fx.clock.advance(Duration.ofMinutes(5));
            RunOutcome outcome = run.completion().join();

            assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
            assertThat(outcome.actions()).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(ActionState.COMPLETED);
                assertThat(a.startTime()).contains(t0.plusSeconds(2));
                assertThat(a.endTime()).contains(t0.plusSeconds(2).plus(Duration.ofMinutes(5)));
            });
            FisEngineTest.assertLegalOrder(outcome.events());
            // the template carries this owner's tag, so the ALWAYS policy deletes it
            assertThatThrownBy(() -> fx.fis.getExperimentTemplate(b -> b.id(run.templateId().get())).join())
                    .hasCauseInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void attach_withoutTheExperiment_readsItBackFromTheTemplate() {
        ExperimentRun abandoned = startAndAbandon(fx.nodeLoss());
        try (FisEngine second = fx.engine()) {
            ExperimentRun run = second.attach(abandoned.experimentId()).join();
            assertThat(run.experiment().actions()).containsKey("Stop-Instances");
            assertThat(run.experiment().roleArn()).contains(EngineFixture.ROLE);
            fx.advanceUntilDone(run, Duration.ofMinutes(1));
            assertThat(run.completion().join().state()).isEqualTo(RunState.COMPLETED);
        }
    }

    @Test
    void attach_toAnExperimentThatAlreadyEnded_completesAtOnceWithItsOutcome() {
        ExperimentRun abandoned = startAndAbandon(fx.nodeLoss());
        fx.clock.advance(Duration.ofMinutes(6));
        assertThat(fx.localFis.experimentStatus(abandoned.experimentId())).contains("completed");
        try (FisEngine second = fx.engine()) {
            RunOutcome outcome = second.attach(abandoned.experimentId()).join().completion().join();
            assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
            assertThat(outcome.events()).filteredOn(RunEvent.StateChanged.class::isInstance).hasSize(1);
        }
    }

    @Test
    void attach_unknownExperiment_failsWithTheServiceError() {
        try (FisEngine engine = fx.engine()) {
            assertThatThrownBy(() -> engine.attach("EXPdoesnotexist12").join()).cause()
                    .isInstanceOf(EngineException.class).hasMessageContaining("EXPdoesnotexist12")
                    .hasCauseInstanceOf(ResourceNotFoundException.class);
        }
    }
}
