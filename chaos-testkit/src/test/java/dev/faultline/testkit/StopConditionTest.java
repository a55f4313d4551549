package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentActionStatus;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;

class StopConditionTest {

    private ManualClock clock;
    private LocalFis local;
    private FisAsyncClient fis;
    private CloudWatchAsyncClient cw;

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock)
                .inventory(inv -> inv.ec2Instances(10, "Environment", "Production", "Role", "WorkerNode"))
                .start();
        fis = SdkClients.fis(local, SharedHttp.CLIENT);
        cw = SdkClients.cloudWatch(local, SharedHttp.CLIENT);
    }

    @AfterEach
    void stop() {
        fis.close();
        cw.close();
        local.close();
    }

    private String startWithAlarm(String alarmArn) {
        String templateId = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT10M")
                .stopConditions(CreateExperimentTemplateStopConditionInput.builder()
                        .source("aws:cloudwatch:alarm").value(alarmArn).build()).build())
                .join().experimentTemplate().id();
        return fis.startExperiment(b -> b.experimentTemplateId(templateId)).join().experiment().id();
    }

    private Experiment get(String id) {
        return fis.getExperiment(b -> b.id(id)).join().experiment();
    }

    @Test
    void putMetricAlarm_thenDescribeAlarms_givesTheAlarmBack() {
        cw.putMetricAlarm(b -> b.alarmName("App5xx").namespace("App").metricName("Errors")
                .dimensions(Dimension.builder().name("Service").value("payments").build()).statistic(Statistic.SUM)
                .period(60).evaluationPeriods(2).threshold(5.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)).join();

        MetricAlarm a = cw.describeAlarms(b -> b.alarmNames("App5xx")).join().metricAlarms().get(0);
        assertThat(a.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx");
        assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(a.threshold()).isEqualTo(5.0);
        assertThat(a.dimensions()).hasSize(1);
        assertThat(a.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    @Test
    void setAlarmState_unknownAlarm_isResourceNotFound() {
        assertThatThrownBy(() -> cw.setAlarmState(b -> b.alarmName("nope").stateValue(StateValue.ALARM)
                .stateReason("x")).join()).cause().isInstanceOf(CloudWatchException.class)
                // CloudWatch's model gives the code ResourceNotFound to two shapes; SDK 2.40.2 picks
                // DashboardNotFoundErrorException for it, against the real service too.
                .satisfies(e -> {
                    assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(((CloudWatchException) e).statusCode()).isEqualTo(404);
                });
    }

    @Test
    void alarmSetToAlarmThroughTheSdk_stopsTheExperimentWithTheReason() {
        String arn = local.alarms().create("App5xx");
        String id = startWithAlarm(arn);
        clock.advance(Duration.ofMinutes(2));
        assertThat(get(id).state().status()).isEqualTo(ExperimentStatus.RUNNING);

        cw.setAlarmState(b -> b.alarmName("App5xx").stateValue(StateValue.ALARM).stateReason("5xx burst")).join();

        Experiment stopping = get(id);
        assertThat(stopping.state().status()).isEqualTo(ExperimentStatus.STOPPING);
        assertThat(stopping.state().reason()).contains(arn);
        clock.advance(Duration.ofSeconds(1));
        Experiment stopped = get(id);
        assertThat(stopped.state().status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.STOPPED);
        assertThat(cw.describeAlarms(b -> b.alarmNames("App5xx")).join().metricAlarms().get(0).stateValue())
                .isEqualTo(StateValue.ALARM);
    }

    @Test
    void fedMetricBreachingTheThreshold_turnsTheAlarmOn_andStopsTheExperiment() {
        MetricId errors = MetricId.of("App", "Errors", "Service", "payments");
        String arn = local.alarms().put("Errors", errors, "Sum", Duration.ofMinutes(1), 2, 2, 5.0,
                "GreaterThanThreshold");
        String id = startWithAlarm(arn);
        Instant t0 = clock.instant();
        local.alarms().putMetricSeries(errors, t0, Duration.ofMinutes(1), 1, 1, 9, 9, 9);

        clock.advance(Duration.ofMinutes(3));
        assertThat(local.alarms().alarm("Errors").orElseThrow().state()).isEqualTo(AlarmState.OK);
        assertThat(get(id).state().status()).isEqualTo(ExperimentStatus.RUNNING);

        clock.advance(Duration.ofMinutes(1));
        assertThat(local.alarms().alarm("Errors").orElseThrow().state()).isEqualTo(AlarmState.ALARM);
        assertThat(get(id).state().status()).isIn(ExperimentStatus.STOPPING, ExperimentStatus.STOPPED);
    }

    @Test
    void getMetricData_aggregatesFedDataPerPeriod() {
        MetricId latency = MetricId.of("App", "Latency");
        Instant t0 = Clocks.EPOCH;
        local.alarms().putMetricSeries(latency, t0, Duration.ofSeconds(30), 10, 20, 30, 40);

        MetricDataResult r = cw.getMetricData(b -> b.startTime(t0).endTime(t0.plus(Duration.ofMinutes(2)))
                .metricDataQueries(MetricDataQuery.builder().id("m1").metricStat(s -> s.period(60).stat("Average")
                        .metric(m -> m.namespace("App").metricName("Latency"))).build())).join().metricDataResults().get(0);

        assertThat(r.id()).isEqualTo("m1");
        assertThat(r.values()).containsExactly(35.0, 15.0);
        assertThat(r.timestamps()).containsExactly(t0.plusSeconds(60), t0);
    }

    @Test
    void safetyLever_engaged_stopsRunningExperiments_andCancelsNewOnes() {
        String running = startWithAlarm(local.alarms().create("Quiet"));
        clock.advance(Duration.ofMinutes(1));

        var lever = fis.updateSafetyLeverState(b -> b.id("default")
                .state(s -> s.status("engaged").reason("Game day over"))).join().safetyLever();
        assertThat(lever.state().statusAsString()).isEqualTo("engaged");
        assertThat(get(running).state().status()).isEqualTo(ExperimentStatus.STOPPING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(get(running).state().status()).isEqualTo(ExperimentStatus.STOPPED);

        String templateId = fis.listExperimentTemplates(b -> { }).join().experimentTemplates().get(0).id();
        Experiment cancelled = fis.startExperiment(b -> b.experimentTemplateId(templateId)).join().experiment();
        assertThat(cancelled.state().status()).isEqualTo(ExperimentStatus.CANCELLED);
        assertThat(cancelled.state().reason()).contains("Game day over");

        assertThat(fis.getSafetyLever(b -> b.id("default")).join().safetyLever().state().statusAsString())
                .isEqualTo("engaged");
        assertThatThrownBy(() -> fis.updateSafetyLeverState(b -> b.id("default")
                .state(s -> s.status("engaged").reason("again"))).join())
                .cause().isInstanceOf(software.amazon.awssdk.services.fis.model.ConflictException.class);
        fis.updateSafetyLeverState(b -> b.id("default").state(s -> s.status("disengaged").reason("back"))).join();
        Experiment fresh = fis.startExperiment(b -> b.experimentTemplateId(templateId)).join().experiment();
        assertThat(fresh.state().status()).isEqualTo(ExperimentStatus.PENDING);
    }
}
