package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** The one duration reader accepts exactly what {@link Duration#parse} accepts, with the same result. */
class FisDurationTest {

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
            actual = FisDuration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            actual = "rejected";
        }
        assertThat(actual).as("'%s' (seed 20261127)", text).isEqualTo(expected);
    }
}
