package dev.faultline.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "PT0S, 0s",
        "PT0.5S, <1s",
        "PT45S, 45s",
        "PT90S, 90s",
        "PT1M, 1m",
        "PT2M, 2m",
        "PT2M30S, 2m 30s",
        "PT5M, 5m",
        "PT1H, 1h",
        "PT1H30M, 1h 30m",
        "PT1H0M5S, 1h 5s",
        "PT12H, 12h",
        "P1DT1H, 25h",
        "PT4H8M, 4h 8m",
    })
    void format_givesHoursMinutesSeconds(String iso, String expected) {
        assertThat(Durations.format(Duration.parse(iso))).isEqualTo(expected);
    }

    @Test
    void format_negative_isRejected() {
        assertThatThrownBy(() -> Durations.format(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }
}
