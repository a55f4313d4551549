package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** PutMetricAlarm (tags, percentiles, missing data), PutCompositeAlarm and DeleteAlarms through the real SDK. */
class CompositeAlarmTest {

    private static final MetricId ERRORS = MetricId.of("App", "Errors");
    private static final MetricId LATENCY = MetricId.of("App", "Latency");

    private ManualClock clock;
    private LocalFis local;
    private CloudWatchAsyncClient cw;

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock).start();
        cw = SdkClients.cloudWatch(local, SharedHttp.CLIENT);
    }

    @AfterEach
    void stop() {
        cw.close();
        local.close();
    }

    private void putMetric(String name, MetricId metric, String stat, double threshold) {
        cw.putMetricAlarm(b -> {
            b.alarmName(name).namespace(metric.namespace()).metricName(metric.name()).period(60).evaluationPeriods(1)
                    .threshold(threshold).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .treatMissingData("notBreaching").tags(Tag.builder().key("team").value("chaos").build());
            if (stat.startsWith("p")) {
                b.extendedStatistic(stat);
            } else {
                b.statistic(stat);
            }
        }).join();
    }

    private DescribeAlarmsResponse describe(String... names) {
        return cw.describeAlarms(b -> b.alarmNames(names).alarmTypes(AlarmType.METRIC_ALARM,
                AlarmType.COMPOSITE_ALARM)).join();
    }

    @Test
    void compositeAlarm_isInAlarmWhileItsRuleHolds_andIsListedWithItsRuleAndTags() {
        putMetric("errors", ERRORS, "Sum", 5);
        putMetric("latency", LATENCY, "p99", 2);
        cw.putCompositeAlarm(b -> b.alarmName("any").alarmRule("ALARM(\"errors\") OR ALARM(latency)")
                .tags(Tag.builder().key("faultline:owner").value("faultline").build())).join();

        CompositeAlarm c = describe("any").compositeAlarms().get(0);
        assertThat(c.alarmRule()).isEqualTo("ALARM(\"errors\") OR ALARM(latency)");
        assertThat(c.alarmArn()).isEqualTo(local.alarms().arnOf("any"));
        assertThat(c.stateValue()).as("no data counts as healthy for both children").isEqualTo(StateValue.OK);
        assertThat(local.alarms().tags("any")).containsEntry("faultline:owner", "faultline");
        assertThat(local.alarms().tags("errors")).containsEntry("team", "chaos");
        assertThat(cw.describeAlarms(b -> b.alarmNames("any")).join().compositeAlarms())
                .as("only metric alarms unless composite ones are asked for, as in CloudWatch").isEmpty();

        for (int i = 0; i < 99; i++) {
            local.alarms().putMetricData(LATENCY, clock.instant(), 1);
        }
        local.alarms().putMetricData(LATENCY, clock.instant(), 9); // the p99 of 100 values is the 99th: 1
        clock.advance(Duration.ofSeconds(61));
        assertThat(describe("latency", "any").metricAlarms().get(0).stateValue()).isEqualTo(StateValue.OK);

        local.alarms().putMetricData(LATENCY, clock.instant(), 9);
        local.alarms().putMetricData(LATENCY, clock.instant(), 9);
        clock.advance(Duration.ofSeconds(60));
        DescribeAlarmsResponse r = describe("latency", "any");
        assertThat(r.metricAlarms().get(0).extendedStatistic()).isEqualTo("p99");
        assertThat(r.metricAlarms().get(0).stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(r.compositeAlarms().get(0).stateValue()).isEqualTo(StateValue.ALARM);

        cw.deleteAlarms(b -> b.alarmNames("any", "errors", "latency")).join();
        assertThat(local.alarms().alarms()).isEmpty();
        assertThat(local.alarms().tags("any")).isEmpty();
    }

    @Test
    void compositeRule_withAndNotAndParentheses() {
        local.alarms().create("a");
        local.alarms().create("b");
        cw.putCompositeAlarm(b -> b.alarmName("c").alarmRule("ALARM(a) AND NOT (OK(b) OR FALSE)")).join();
        local.alarms().setState("a", AlarmState.ALARM, "test");
        local.alarms().setState("b", AlarmState.ALARM, "test");
        assertThat(describe("c").compositeAlarms().get(0).stateValue()).isEqualTo(StateValue.ALARM);
        local.alarms().setState("b", AlarmState.OK, "test");
        assertThat(describe("c").compositeAlarms().get(0).stateValue()).isEqualTo(StateValue.OK);
    }

    @Test
    void compositeAlarm_withAnUnreadableRuleOrAMissingChild_isRefused() {
        putMetric("a", ERRORS, "Sum", 5);
        assertThatThrownBy(() -> cw.putCompositeAlarm(b -> b.alarmName("c").alarmRule("ALARM(a) OR")).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("AlarmRule cannot be read"));
        assertThatThrownBy(() -> cw.putCompositeAlarm(b -> b.alarmName("c").alarmRule("ALARM(nope)")).join())
                .cause().isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("nope, which does not exist"));
        assertThat(local.alarms().alarm("c")).isEmpty();
    }
}
