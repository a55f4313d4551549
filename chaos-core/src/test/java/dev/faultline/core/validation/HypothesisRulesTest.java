package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HypothesisRulesTest {

    private static final String C0 = "/hypothesis/conditions/0";

    /** Fewer than 10 target 5xx responses a minute, checked before, during and after. */
    private static SteadyStateCondition errors() {
        return SteadyStateCondition.builder().name("few-5xx").namespace("AWS/ApplicationELB")
                .metricName("HTTPCode_Target_5XX_Count").putDimension("LoadBalancer", "app/shop/0123456789abcdef")
                .statistic("Sum").period(Duration.ofMinutes(1)).comparison(Comparison.LessThanThreshold).threshold(10.0)
                .build();
    }

    private static Experiment withCondition(UnaryOperator<SteadyStateCondition.Builder> change) {
        return builder().hypothesis(Hypothesis.builder().description("The shop keeps serving")
                .addCondition(change.apply(SteadyStateCondition.builder().from(errors())).build())
                .recoveryWindow(Duration.ofMinutes(5)).build()).build();
    }

    @Test
    void validate_validHypothesis_hasNoViolations() {
        assertThat(validate(withCondition(c -> c)).violations()).isEmpty();
    }

    @Test
    void validate_hypothesisWithoutConditions_isAnError() {
        Experiment e = builder().hypothesis(Hypothesis.builder().description("nothing to check").build()).build();
        one(validate(e), "hypothesis.condition-missing", ERROR, "/hypothesis/conditions");
    }

    @Test
    void validate_negativeRecoveryWindow_isAnError() {
        Experiment e = builder().hypothesis(Hypothesis.builder().addCondition(errors())
                .recoveryWindow(Duration.ofMinutes(-5)).build()).build();
        one(validate(e), "hypothesis.recovery-window-range", ERROR, "/hypothesis/recoveryWindow");
    }

    @Test
    void validate_conditionWithoutNamespace_isRequired() {
        one(validate(withCondition(c -> c.namespace(Optional.empty()))), "template.field-missing", ERROR, C0 + "/namespace");
    }

    @Test
    void validate_conditionWithoutMetricName_isRequired() {
        one(validate(withCondition(c -> c.metricName(Optional.empty()))), "template.field-missing", ERROR, C0 + "/metricName");
    }

    @Test
    void validate_conditionWithoutStatistic_isRequired() {
        one(validate(withCondition(c -> c.statistic(Optional.empty()))), "template.field-missing", ERROR, C0 + "/statistic");
    }

    @Test
    void validate_conditionWithoutComparison_isRequired() {
        one(validate(withCondition(c -> c.comparison(Optional.empty()))), "template.field-missing", ERROR, C0 + "/comparison");
    }

    @Test
    void validate_conditionWithoutThreshold_isRequired() {
        one(validate(withCondition(c -> c.threshold(Optional.empty()))), "template.field-missing", ERROR, C0 + "/threshold");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Avg", "sum", "p", "p101", "pNaN", "p1e1", "tm", "TM(10%)", "iqm"})
    void validate_unknownStatistic_isAnError(String statistic) {
        one(validate(withCondition(c -> c.statistic(statistic))), "hypothesis.statistic-format", ERROR, C0 + "/statistic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Average", "SampleCount", "p99", "p99.9", "p0", "tm99", "wm90.5", "tc90", "ts50", "IQM", "TM(10%:90%)", "PR(:300)"})
    void validate_cloudWatchStatisticOrPercentile_isAccepted(String statistic) {
        assertThat(validate(withCondition(c -> c.statistic(statistic))).violations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT45S", "PT0S", "PT90S", "PT0.5S"})
    void validate_periodCloudWatchDoesNotAllow_isAnError(String period) {
        one(validate(withCondition(c -> c.period(Duration.parse(period)))), "hypothesis.period-range", ERROR, C0 + "/period");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT1S", "PT10S", "PT30S", "PT1M", "PT5M", "PT1H"})
    void validate_highResolutionOrMinutePeriod_isAccepted(String period) {
        assertThat(validate(withCondition(c -> c.period(Duration.parse(period)))).violations()).isEmpty();
    }

    @Test
    void validate_31Dimensions_isTooMany() {
        Experiment e = withCondition(c -> {
            for (int i = 0; i < 30; i++) {
                c.putDimension("d" + i, "v");
            }
            return c;
        });
        one(validate(e), "hypothesis.dimensions-too-many", ERROR, C0 + "/dimensions");
    }

    @Test
    void validate_conditionWithoutPhase_warnsItIsNeverChecked() {
        one(validate(withCondition(c -> c.phases(Set.of()))), "hypothesis.phase-missing", WARNING, C0 + "/phases");
    }
}
