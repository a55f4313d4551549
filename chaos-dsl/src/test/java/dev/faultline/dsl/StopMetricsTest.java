package dev.faultline.dsl;

import static dev.faultline.dsl.Chaos.anyOf;
import static dev.faultline.dsl.Chaos.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopMetricsTest {

    @Test
    void alb5xx_isTheGuidesAboveFiveInOneMinute() {
        MetricAlarm a = StopMetrics.alb5xxCount("checkout-5xx", "app/checkout/1", 5);

        assertThat(a.namespace()).isEqualTo("AWS/ApplicationELB");
        assertThat(a.metricName()).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(a.statistic()).isEqualTo("Sum");
        assertThat(a.period()).isEqualTo(Duration.ofMinutes(1));
        assertThat(a.comparison()).isEqualTo(Comparison.GreaterThanThreshold);
        assertThat(a.threshold()).isEqualTo(5.0);
        assertThat(a.dimensions()).containsEntry("LoadBalancer", "app/checkout/1");
    }

    @Test
    void presets_coverLatencyConnectionsAndBacklog() {
        assertThat(StopMetrics.albP99ResponseTime("p", "app/a/1", Duration.ofMillis(1500)))
                .satisfies(a -> assertThat(a.isPercentile()).isTrue())
                .satisfies(a -> assertThat(a.threshold()).isEqualTo(1.5));
        assertThat(StopMetrics.rdsConnections("c", "orders", 400).metricName()).isEqualTo("DatabaseConnections");
        assertThat(StopMetrics.sqsBacklog("q", "jobs", 1000).metricName()).isEqualTo("ApproximateNumberOfMessagesVisible");
    }

    @Test
    void metricAndAnyOf_makeStopConditionsThatDefineTheirAlarms() {
        MetricAlarm errors = StopMetrics.alb5xxCount("e", "app/a/1", 5);
        MetricAlarm backlog = StopMetrics.sqsBacklog("q", "jobs", 1000);

        StopCondition one = metric(errors);
        StopCondition any = anyOf("stop-all", errors, backlog);

        assertThat(one.isDefinedByMetrics()).isTrue();
        assertThat(one.compositeAlarmName()).isEmpty();
        assertThat(any.compositeAlarmName()).contains("stop-all");
        assertThat(any.metricAlarms()).containsExactly(errors, backlog);
        assertThatThrownBy(() -> StopMetrics.alb5xxCount(" ", "app/a/1", 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
