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

    static java.util.stream.Stream<String> durationTexts() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261127L);
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("PT5M", "PT1H30M", "PT90S", "PT0S",
                "PT12H", "PT", "PT5", "PTM", "PT1M1H", "PT1H1H", "PT-5M", "PT1.5S", "P1D", "PT5m", "pt5M",
                "PT1234567890H", "PT999999999H59M59S", "P1DT2H", " PT5M", "PT5M ", "PT+5M"));
        String alphabet = "PT0123456789HMSD.-+";
        for (int i = 0; i < 1000; i++) {
            StringBuilder b = new StringBuilder(random.nextBoolean() ? "PT" : "");
            for (int n = random.nextInt(8); n > 0; n--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(b.toString());
        }
        return texts.stream();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("durationTexts")
    void parse_agreesWithDurationParse(String text) {
        Object expected;
        try {
            expected = Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            expected = "rejected";
        }
        Object actual;
        try {
            actual = Durations.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            actual = "rejected";
        }
        assertThat(actual).as("'%s' (seed 20261127)", text).isEqualTo(expected);
    }
}
