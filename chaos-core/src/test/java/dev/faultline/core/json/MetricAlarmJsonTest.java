package dev.faultline.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Metric stop conditions in the model and in template JSON (Faultline's own fields). */
class MetricAlarmJsonTest {

    static final MetricAlarm ERRORS = MetricAlarm.builder().name("checkout-5xx").namespace("AWS/ApplicationELB")
            .metricName("HTTPCode_Target_5XX_Count").putDimension("LoadBalancer", "app/checkout/1").statistic("Sum")
            .comparison(Comparison.GreaterThanThreshold).threshold(5).treatMissingData("notBreaching").build();
    static final MetricAlarm P99 = MetricAlarm.builder().name("checkout-p99").namespace("AWS/ApplicationELB")
            .metricName("TargetResponseTime").statistic("p99").evaluationPeriods(3).datapointsToAlarm(2)
            .period(Duration.ofSeconds(30)).comparison(Comparison.GreaterThanThreshold).threshold(1.5).build();

    private static Experiment experiment(StopCondition... stops) {
        return Experiment.builder().name("m").description("d").roleArn("arn:aws:iam::123456789012:role/fis")
                .addStopConditions(stops).build();
    }

    @Test
    void metricAndComposite_roundTripThroughJson() {
        Experiment e = experiment(StopCondition.metric(ERRORS), StopCondition.anyOf("checkout-any", ERRORS, P99));

        ReadResult back = TemplateJson.read(TemplateJson.write(e));

        assertThat(back.violations().violations()).isEmpty();
        assertThat(back.experiment()).contains(e);
        StopCondition composite = back.experiment().orElseThrow().stopConditions().get(1);
        assertThat(composite.value()).contains("arn:aws:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:checkout-any");
        assertThat(composite.compositeAlarmName()).contains("checkout-any");
        assertThat(composite.metricAlarms()).containsExactly(ERRORS, P99);
        assertThat(P99.isPercentile()).isTrue();
        assertThat(ERRORS.isPercentile()).isFalse();
    }

    @Test
    void anAlarmCloudWatchCouldNotTake_isAnErrorAtItsPointer_notAnException() {
        String json = "{\"description\":\"d\",\"roleArn\":\"arn:aws:iam::123456789012:role/fis\",\"targets\":{},"
                + "\"actions\":{},\"stopConditions\":[{\"source\":\"aws:cloudwatch:alarm\",\"value\":\"x\","
                + "\"metricAlarms\":[{\"name\":\"a\",\"namespace\":\"N\",\"metricName\":\"M\",\"period\":\"PT45S\","
                + "\"comparison\":\"GreaterThanThreshold\",\"threshold\":1}]}]}";

        ReadResult read = TemplateJson.read(json);

        assertThat(read.violations().violations()).extracting(Violation::code, Violation::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stop-condition.metric-alarm-invalid",
                        "/stopConditions/0/metricAlarms/0"));
        assertThat(read.violations().violations().get(0).message()).contains("period");
    }

    @Test
    void builder_refusesWhatCloudWatchCannotTake() {
        assertThatThrownBy(() -> MetricAlarm.builder().from(ERRORS).evaluationPeriods(2).datapointsToAlarm(3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("datapointsToAlarm");
        assertThatThrownBy(() -> MetricAlarm.builder().from(ERRORS).treatMissingData("zero").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("treatMissingData");
        assertThatThrownBy(() -> StopCondition.anyOf("none"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
