package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.ROLE;
import static dev.faultline.aws.engine.EngineFixture.await;
import static dev.faultline.dsl.Chaos.anyOf;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import dev.faultline.dsl.Scenarios;
import dev.faultline.testkit.Alarm;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.MetricId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Metric stop conditions: the engine makes their CloudWatch alarms exist (in LocalFis) before a run. */
@Timeout(60)
class FisEngineMetricAlarmsTest {

    private static final MetricId ERRORS = MetricId.of("App", "Errors");
    private static final MetricId LATENCY = MetricId.of("App", "Latency");

    private EngineFixture fx;
    private FailingCloudWatch cloudWatch;
    private FisEngine engine;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        cloudWatch = new FailingCloudWatch(fx.cloudWatch);
        engine = engine(false);
    }

    @AfterEach
    void tearDown() {
        engine.close();
        fx.close();
    }

    private FisEngine engine(boolean deleteAfterRun) {
        return FisEngine.builder().fis(fx.fis).cloudWatch(cloudWatch).clock(fx.clock)
                .config(EngineFixture.testConfig().deleteAlarmsAfterRun(deleteAfterRun)
                        .alarmWait(Duration.ofMillis(400)).build())
                .build();
    }

    private static MetricAlarm above(String name, MetricId metric, double threshold, String missing) {
        return MetricAlarm.builder().name(name).namespace(metric.namespace()).metricName(metric.name())
                .statistic("Maximum").period(Duration.ofMinutes(1)).comparison(Comparison.GreaterThanThreshold)
                .threshold(threshold).treatMissingData(missing).build();
    }

    private static Experiment nodeLoss(StopCondition stop) {
        return Scenarios.computeNodeLoss(experiment("node-loss").role(ROLE).stopWhen(stop), "Role", "Worker", 20,
                Duration.ofMinutes(5)).build();
    }

    private List<Alarm> faultlineAlarms() {
        return fx.localFis.alarms().alarms().stream().filter(a -> a.name().startsWith("faultline-")).toList();
    }

    private static RunOptions noPreview() {
        return RunOptions.builder().preview(false).build();
    }

    /** Puts a breaching value into the current minute and moves the clock into the next one. */
    private void breach(MetricId metric) {
        fx.localFis.alarms().putMetricData(metric, fx.clock.instant(), 50);
        fx.clock.advance(Duration.ofSeconds(61));
    }

    @Test
    void metricStop_createsOneTaggedAlarm_runsOnItsArn_andTheRunStopsWhenTheMetricCrossesTheThreshold() {
        Experiment e = nodeLoss(metric(above("errors", ERRORS, 5, "notBreaching")));
        ExperimentRun run = engine.start(e, noPreview()).join();

        assertThat(faultlineAlarms()).singleElement().satisfies(a -> {
            assertThat(a.name()).startsWith("faultline-node-loss-errors-");
            assertThat(a.metric()).contains(ERRORS);
            assertThat(a.threshold()).isEqualTo(5.0);
            assertThat(a.state()).as("it left INSUFFICIENT_DATA before the start").isEqualTo(AlarmState.OK);
            assertThat(fx.localFis.alarms().tags(a.name())).containsAllEntriesOf(Map.of("faultline:owner",
                    "faultline", "faultline:purpose", "stop-condition", "faultline:experiment", "node-loss"));
            assertThat(run.experiment().stopConditions()).extracting(c -> c.value().orElse(""))
                    .containsExactly(a.arn());
        });
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> run.state() == RunState.RUNNING);

        breach(ERRORS);
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        RunOutcome outcome = run.completion().join();
        assertThat(outcome.state()).isEqualTo(RunState.STOPPED);
        assertThat(outcome.reason()).hasValueSatisfying(r -> assertThat(r).contains("faultline-node-loss-errors-"));
        assertThat(faultlineAlarms()).as("kept by default").hasSize(1);
    }

    @Test
    void aRerun_findsTheAlarmItMadeBefore_andCreatesNoOther() {
        Experiment e = nodeLoss(metric(above("errors", ERRORS, 5, "notBreaching")));
        ExperimentRun first = engine.start(e, noPreview()).join();
        fx.advanceUntilDone(first, Duration.ofMinutes(1));
        List<Alarm> after = faultlineAlarms();

        try (FisEngine other = engine(false)) {
            ExperimentRun second = other.start(e, noPreview()).join();
            fx.advanceUntilDone(second, Duration.ofMinutes(1));
            assertThat(second.completion().join().state()).isEqualTo(RunState.COMPLETED);
        }
        assertThat(cloudWatch.metricPuts).as("PutMetricAlarm made once, for the first run").hasValue(1);
        assertThat(faultlineAlarms()).extracting(Alarm::name).containsExactlyElementsOf(
                after.stream().map(Alarm::name).toList());
    }

    @Test
    void anyOf_makesACompositeAlarmOverItsMetricAlarms_andEitherMetricStopsTheRun() {
        Experiment e = nodeLoss(anyOf("checkout-stop", above("errors", ERRORS, 5, "notBreaching"),
                above("latency", LATENCY, 2, "notBreaching")));
        ExperimentRun run = engine.start(e, noPreview()).join();

        List<Alarm> alarms = faultlineAlarms();
        assertThat(alarms).hasSize(3);
        Alarm composite = alarms.stream().filter(a -> a.name().contains("-checkout-stop-")).findFirst().orElseThrow();
        assertThat(fx.localFis.alarms().rule(composite.name())).hasValueSatisfying(rule -> assertThat(rule)
                .contains("ALARM(\"faultline-node-loss-errors-").contains(" OR ALARM(\"faultline-node-loss-latency-"));
        assertThat(fx.localFis.alarms().tags(composite.name())).containsEntry("faultline:purpose", "stop-condition");
        assertThat(run.experiment().stopConditions()).extracting(c -> c.value().orElse(""))
                .containsExactly(composite.arn());
        fx.clock.advance(Duration.ofSeconds(2));
        await(() -> run.state() == RunState.RUNNING);

        breach(LATENCY);
        fx.advanceUntilDone(run, Duration.ofSeconds(1));
        assertThat(run.completion().join().state()).isEqualTo(RunState.STOPPED);
        assertThat(fx.localFis.alarms().alarm(composite.name())).map(Alarm::state).contains(AlarmState.ALARM);
    }

    @Test
    void deleteAlarmsAfterRun_deletesTheAlarmsOnceTheRunEnded() {
        try (FisEngine deleting = engine(true)) {
            Experiment e = nodeLoss(anyOf("stop", above("errors", ERRORS, 5, "notBreaching"),
                    above("latency", LATENCY, 2, "notBreaching")));
            ExperimentRun run = deleting.start(e, noPreview()).join();
            assertThat(faultlineAlarms()).hasSize(3);
            fx.advanceUntilDone(run, Duration.ofMinutes(1));
            assertThat(run.completion().join().state()).isEqualTo(RunState.COMPLETED);
            assertThat(faultlineAlarms()).as("deleted before the outcome was handed out").isEmpty();
        }
    }

    @Test
    void aFailedPut_deletesWhatThisStartCreated_andRefusesTheRunSayingWhy() {
        cloudWatch.failComposite = true;
        Experiment e = nodeLoss(anyOf("stop", above("errors", ERRORS, 5, "notBreaching"),
                above("latency", LATENCY, 2, "notBreaching")));

        assertThatThrownBy(() -> engine.start(e, noPreview()).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RunRefusedException.class, r -> {
                    assertThat(r.preflight().failures()).singleElement().satisfies(c -> {
                        assertThat(c.name()).isEqualTo(PreflightCheck.STOP_CONDITIONS);
                        assertThat(c.message()).contains("PutCompositeAlarm failed (LimitExceeded:")
                                .contains("deleted again").contains("faultline-node-loss-errors-");
                    });
                });
        assertThat(cloudWatch.metricPuts).hasValue(2);
        assertThat(faultlineAlarms()).as("nothing half-created").isEmpty();
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
    }

    @Test
    void anAlarmThatStaysInsufficientData_refusesTheRunWithinTheWait_andIsDeletedAgain() {
        Experiment e = nodeLoss(metric(above("errors", ERRORS, 5, "missing")));

        assertThatThrownBy(() -> engine.start(e, noPreview()).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(RunRefusedException.class, r -> assertThat(
                        r.preflight().failures().get(0).message()).contains("stayed INSUFFICIENT_DATA for PT0.4S")
                        .contains("treatMissingData"));
        assertThat(faultlineAlarms()).isEmpty();
        assertThat(fx.fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).isEmpty();
    }

    @Test
    void aRefusedPreflight_deletesTheAlarmsThisStartCreated() {
        fx.localFis.engageSafetyLever("drill");
        Experiment e = nodeLoss(metric(above("errors", ERRORS, 5, "notBreaching")));

        assertThatThrownBy(() -> engine.start(e, noPreview()).join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(RunRefusedException.class);
        assertThat(cloudWatch.metricPuts).hasValue(1);
        assertThat(faultlineAlarms()).isEmpty();
    }
}
