package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TextTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void number_dropsTrailingZerosAndAvoidsExponents() {
        assertThat(Text.number(1.0)).isEqualTo("1");
        assertThat(Text.number(3.1250000000000004)).isEqualTo("3.125");
        assertThat(Text.number(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Text.number(1234567.8)).isEqualTo("1234570");
        assertThat(Text.rounded(3.1250000000000004).toPlainString()).isEqualTo("3.125");
        assertThat(Text.time(java.time.Instant.parse("2026-11-27T10:00:05Z"))).isEqualTo("2026-11-27T10:00:05.000Z");
        assertThat(Text.time(java.time.Instant.parse("2026-11-27T10:00:05.123456789Z")))
                .isEqualTo("2026-11-27T10:00:05.123Z");
        assertThat(Text.number(0.25)).isEqualTo("0.25");
        assertThat(Text.number(1e-7)).isEqualTo("0.0000001");
        assertThat(Text.number(1.5e13)).isEqualTo("1.5E13");
        assertThat(Text.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void offset_isRelativeToTheStart_orTheBareTime() {
        assertThat(Text.offset(T0, T0.plusSeconds(90))).isEqualTo("+90s (2026-11-27T10:01:30.000Z)");
        assertThat(Text.offset(T0, T0.minusSeconds(5))).isEqualTo("-5s (2026-11-27T09:59:55.000Z)");
        assertThat(Text.offset(null, T0)).isEqualTo("2026-11-27T10:00:00.000Z");
        assertThat(Text.offset(T0, null)).isNull();
    }

    @Test
    void duration_handlesNegativeDurations() {
        assertThat(Text.duration(Duration.ofMinutes(-2))).isEqualTo("-2m");
        assertThat(Text.duration(Duration.ofSeconds(4300))).isEqualTo("1h 11m 40s");
    }

    @Test
    void threshold_showsTheComparisonSymbol_orNone() {
        SteadyStateCondition c = SteadyStateCondition.builder().comparison(Comparison.GreaterThanOrEqualToThreshold)
                .threshold(99.5).build();
        assertThat(Text.threshold(c)).isEqualTo(">= 99.5");
        assertThat(Text.threshold(SteadyStateCondition.builder().threshold(1.0).build())).isEqualTo("none");
    }

    @Test
    void shorten_cutsByCodePointsWithAnEllipsis() {
        assertThat(Text.shorten("short", 10)).isEqualTo("short");
        assertThat(Text.shorten("abcdefghij", 5)).isEqualTo("abcd…");
        assertThat(Text.shorten("\uD83D\uDD25\uD83D\uDD25\uD83D\uDD25", 2)).isEqualTo("\uD83D\uDD25…");
    }

    @Test
    void tickStep_isARoundStepWithFewerThanSixSteps() {
        assertThat(SvgTimeline.tickStep(Duration.ofSeconds(430))).isEqualTo(Duration.ofMinutes(2));
        assertThat(SvgTimeline.tickStep(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(1));
        assertThat(SvgTimeline.tickStep(Duration.ofHours(12))).isEqualTo(Duration.ofHours(3));
        assertThat(SvgTimeline.tickStep(Duration.ofDays(30))).isEqualTo(Duration.ofDays(6));
    }
}
