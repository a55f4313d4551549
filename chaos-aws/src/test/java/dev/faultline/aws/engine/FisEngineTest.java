package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static dev.faultline.aws.engine.EngineFixture.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.testkit.AlarmState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.fis.model.ServiceQuotaExceededException;

/** The run lifecycle against LocalFis on a manual clock. */
@Timeout(60)
class FisEngineTest {

    private EngineFixture fx;
    private FisEngine engine;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.close();
        }
        fx.close();
    }

    private ExperimentRun start(Experiment experiment, RunOptions options) {
        return engine.start(experiment, options).join();
    }

    private void awaitState(ExperimentRun run, RunState state) {
        await(() -> run.state() == state);
    }

    @Test
    void start_computeNodeLoss_completesWithActionStatesTimesAndLegalEvents() {
        engine = fx.engine();
        List<RunEvent> seen = Collections.synchronizedList(new ArrayList<>());
        Instant t0 = fx.clock.instant();
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).putTag("ticket", "CHAOS-1").build());
        run.onEvent(seen::add);

        assertThat(run.templateId()).isPresent();
        var experiment = fx.fis.getExperiment(b -> b.id(run.experimentId())).join().experiment();
        assertThat(experiment.tags()).containsEntry("faultline:owner", "faultline").containsEntry("ticket", "CHAOS-1")
                .containsKey("faultline:run");
        var template = fx.fis.getExperimentTemplate(b -> b.id(run.templateId().get())).join().experimentTemplate();
        assertThat(template.tags()).containsEntry("faultline:owner", "faultline").containsEntry("Team", "chaos")
                .containsEntry("faultline:run", experiment.tags().get("faultline:run"));

        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);
        fx.clock.advance(Duration.ofMinutes(5));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.stopSource()).isEmpty();
        assertThat(outcome.verdict()).isEmpty();
        assertThat(outcome.startTime()).isPresent();
        assertThat(outcome.actions()).hasSize(1);
        ActionOutcome action = outcome.actions().get(0);
        assertThat(action.name()).isEqualTo("Stop-Instances");
        assertThat(action.actionId()).contains("aws:ec2:stop-instances");
        assertThat(action.state()).isEqualTo(ActionState.COMPLETED);
        assertThat(action.startTime()).contains(t0.plusSeconds(2));
        assertThat(action.endTime()).contains(t0.plusSeconds(2).plus(Duration.ofMinutes(5)));
        assertThat(outcome.endTime()).isEqualTo(action.endTime());

        assertLegalOrder(seen);
        assertThat(seen.get(0)).isInstanceOfSatisfying(RunEvent.RunStarted.class, e -> assertThat(e.attached()).isFalse());
        assertThat(seen.get(seen.size() - 1)).isInstanceOf(RunEvent.RunCompleted.class);
        assertThat(seen).filteredOn(RunEvent.ActionStateChanged.class::isInstance)
                .extracting(e -> ((RunEvent.ActionStateChanged) e).to())
                .containsExactly(ActionState.RUNNING, ActionState.COMPLETED);
        assertThat(outcome.events()).isEqualTo(seen.subList(0, seen.size() - 1));
        assertThat(engine.activeRuns()).isEmpty();
        // the default clean-up policy is ALWAYS
        assertThatThrownBy(() -> fx.fis.getExperimentTemplate(b -> b.id(run.templateId().get())).join())
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    static void assertLegalOrder(List<RunEvent> events) {
        RunState state = RunState.PENDING;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.StateChanged) {
                RunEvent.StateChanged c = (RunEvent.StateChanged) e;
                assertThat(c.from()).as("event %s follows state %s", c, state).isEqualTo(state);
                assertThat(c.from().canMoveTo(c.to())).as("legal %s", c).isTrue();
                state = c.to();
            }
        }
        assertThat(state.isTerminal()).as("ends terminal").isTrue();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
        }
    }

    @Test
    void start_stopConditionAlarmFiresMidRun_runIsStoppedWithTheAlarmInTheReason() {
        engine = fx.engine();
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).build());
        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);

        fx.localFis.alarms().setState(EngineFixture.ALARM, AlarmState.ALARM, "errors spiked");
        awaitState(run, RunState.STOPPING);
        fx.clock.advance(Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.reason()).hasValueSatisfying(r ->
                assertThat(r).contains(fx.localFis.alarms().arnOf(EngineFixture.ALARM)));
        assertThat(outcome.stopSource()).as("the service stopped it, not the engine").isEmpty();
        assertThat(outcome.actions().get(0).state()).isEqualTo(ActionState.STOPPED);
        assertThat(outcome.succeeded()).isFalse();
        assertLegalOrder(outcome.events());
    }

    @Test
    void start_noTargetMatches_failsWithReasonAndErrorCode() {
        engine = fx.engine();
        Experiment nobody = fx.nodeLossDraft("Nobody", Duration.ofMinutes(5)).build();
        ExperimentRun run = start(nobody, RunOptions.builder().preview(false).build());
        fx.clock.advance(Duration.ofSeconds(2));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.FAILED);
        assertThat(outcome.errorCode()).contains("InvalidTarget");
        assertThat(outcome.reason()).isPresent();
        assertThat(outcome.errorLocation()).isPresent();
        assertLegalOrder(outcome.events());
    }

    @Test
    void stop_byCaller_stopsOnceAndRecordsTheSourceAndReason() {
        engine = fx.engine();
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).build());
        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);

        CompletableFuture<RunOutcome> first = run.stop("enough for today");
        CompletableFuture<RunOutcome> second = run.stop("again");
        assertThat(second).isSameAs(first).isSameAs(run.completion());
        await(() -> "stopping".equals(fx.localFis.experimentStatus(run.experimentId()).orElse("")));
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = first.join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.CALLER);
        assertThat(outcome.stopReason()).contains("enough for today");
        assertThat(outcome.events()).filteredOn(RunEvent.StopRequested.class::isInstance).hasSize(1);
        // a stop on a terminal run does nothing
        run.stop("late");
        assertThat(run.events()).filteredOn(RunEvent.StopRequested.class::isInstance).hasSize(1);
    }

    @Test
    void watchdog_runOutlivesItsTimeout_isStoppedByTheWatchdog() {
        engine = fx.engine();
        ExperimentRun run = start(fx.nodeLoss(),
                RunOptions.builder().preview(false).timeout(Duration.ofMinutes(1)).build());
        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);
        assertThat(run.events()).noneMatch(RunEvent.StopRequested.class::isInstance);

        fx.clock.advance(Duration.ofSeconds(61));
        RunEvent.StopRequested stop = awaitEvent(run, RunEvent.StopRequested.class, e -> true);
        assertThat(stop.source()).isEqualTo(StopSource.WATCHDOG);
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.stopSource()).contains(StopSource.WATCHDOG);
        assertThat(outcome.stopReason()).hasValueSatisfying(r -> assertThat(r).contains("PT1M"));
    }

    @Test
    void start_invalidExperiment_isRefusedWithoutAnyAwsCall() {
        engine = fx.engine();
        Experiment invalid = Experiment.builder().description("no role, no actions").build();

        assertThatThrownBy(() -> engine.start(invalid).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RunRefusedException.class, e -> {
                    assertThat(e.preflight().passed()).isFalse();
                    assertThat(e.preflight().failures()).extracting(PreflightCheck::name)
                            .contains(PreflightCheck.VALIDATION);
                    assertThat(e.errors()).isNotEmpty().isEqualTo(Validator.standard().validate(invalid).errors());
                });
        assertThat(engine.callAttempts()).isZero();
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
    }

    @Test
    void listeners_aFailingListenerDoesNotBreakTheRun_andALateListenerGetsTheHistoryFirst() {
        engine = fx.engine();
        List<RunEvent> good = Collections.synchronizedList(new ArrayList<>());
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).build());
        run.onEvent(e -> {
            throw new IllegalStateException("listener bug");
        });
        run.onEvent(good::add);
        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);
        fx.clock.advance(Duration.ofMinutes(5));
        RunOutcome outcome = run.completion().join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(good.get(good.size() - 1)).isInstanceOf(RunEvent.RunCompleted.class);
        List<RunEvent> late = new ArrayList<>();
        run.onEvent(late::add);
        assertThat(late).isEqualTo(good).isEqualTo(run.events());
    }

    @Test
    void start_quotaFullBeyondTheRunsTimeout_deletesTheTemplateAndKeepsTheCause() {
        engine = fx.engine();
        // fill the quota of 5 active experiments by hand, so StartExperiment answers 402; the run's
        // timeout (10 s) is shorter than the back-pressure wait (15 s), so the start gives up at once
        String other = fx.fis.createExperimentTemplate(dev.faultline.aws.FisCompiler.create()
                .createRequest(fx.nodeLoss(), "by-hand")).join().experimentTemplate().id();
        for (int i = 0; i < 5; i++) {
            String token = "fill-" + i;
            fx.fis.startExperiment(b -> b.experimentTemplateId(other).clientToken(token)).join();
        }

        assertThatThrownBy(() -> engine.start(fx.nodeLoss(), RunOptions.builder().preview(false)
                .timeout(Duration.ofSeconds(10)).build()).join())
                .cause().isInstanceOf(EngineException.class)
                .hasMessageContaining("was deleted")
                .hasRootCauseInstanceOf(ServiceQuotaExceededException.class);
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates())
                .extracting(ExperimentTemplateSummary::id).containsExactly(other);
        assertThat(engine.activeRuns()).isEmpty();
    }

    @Test
    void cleanup_onSuccess_deletesAfterCompletedAndKeepsAfterFailed() {
        engine = fx.engine(EngineFixture.testConfig().templateCleanup(TemplateCleanup.ON_SUCCESS).build()).build();
        RunOutcome completed = runToEnd(fx.nodeLoss());
        RunOutcome failed = runToEnd(fx.nodeLossDraft("Nobody", Duration.ofMinutes(5)).build());

        assertThat(completed.state()).isEqualTo(RunState.COMPLETED);
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(templateIds()).containsExactly(failed.templateId().orElseThrow());
    }

    @Test
    void cleanup_never_keepsEveryTemplate() {
        engine = fx.engine(EngineFixture.testConfig().templateCleanup(TemplateCleanup.NEVER).build()).build();
        RunOutcome completed = runToEnd(fx.nodeLoss());
        RunOutcome failed = runToEnd(fx.nodeLossDraft("Nobody", Duration.ofMinutes(5)).build());

        assertThat(templateIds()).containsExactlyInAnyOrder(completed.templateId().orElseThrow(),
                failed.templateId().orElseThrow());
    }

    @Test
    void cleanup_always_deletesAfterFailedToo() {
        engine = fx.engine(EngineFixture.testConfig().templateCleanup(TemplateCleanup.ALWAYS).build()).build();
        RunOutcome failed = runToEnd(fx.nodeLossDraft("Nobody", Duration.ofMinutes(5)).build());

        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(templateIds()).isEmpty();
    }

    @Test
    void close_runInFlight_completesExceptionallyAndTheExperimentKeepsRunning() {
        engine = fx.engine();
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).build());
        fx.clock.advance(Duration.ofSeconds(2));
        awaitState(run, RunState.RUNNING);

        engine.close();

        assertThatThrownBy(() -> run.completion().join()).cause().isInstanceOf(EngineException.class)
                .hasMessageStartingWith("Engine closed");
        assertThat(fx.localFis.experimentStatus(run.experimentId())).contains("running");
        assertThat(run.events().get(run.events().size() - 1)).isInstanceOf(RunEvent.RunFailed.class);
        assertThatThrownBy(() -> engine.start(fx.nodeLoss()).join()).cause().isInstanceOf(EngineException.class);
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(1);
    }

    private RunOutcome runToEnd(Experiment experiment) {
        ExperimentRun run = start(experiment, RunOptions.builder().preview(false).build());
        fx.advanceUntilDone(run, Duration.ofMinutes(1));
        return run.completion().join();
    }

    private List<String> templateIds() {
        List<String> ids = new ArrayList<>();
        for (ExperimentTemplateSummary t : fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()) {
            ids.add(t.id());
        }
        return ids;
    }

    @Test
    void outcome_mapsTagsOnBothResources() {
        engine = fx.engine(EngineFixture.testConfig().owner("team-a").build()).build();
        ExperimentRun run = start(fx.nodeLoss(), RunOptions.builder().preview(false).build());
        Map<String, String> tags = fx.fis.getExperiment(b -> b.id(run.experimentId())).join().experiment().tags();
        assertThat(tags).containsEntry("faultline:owner", "team-a");
        fx.advanceUntilDone(run, Duration.ofMinutes(1));
        assertThat(run.completion().join().state()).isEqualTo(RunState.COMPLETED);
    }
}
