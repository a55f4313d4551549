package dev.faultline.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shortcuts the validator takes through the catalog: plain durations read as seconds, the
 * duration range decided in seconds, the parameters that may be required listed once, and
 * parameter names interned. Each must give what the long way gives.
 */
class CatalogFastPathTest {

    private static final long SEED = 20261202L;

    static List<String> durationTexts() {
        return FisDurationTest.durationTexts().toList();
    }

    @ParameterizedTest
    @MethodSource("durationTexts")
    void plainSeconds_isTheParsedSecondsOrMinusOne(String text) {
        long seconds = FisDuration.plainSeconds(text);
        if (seconds >= 0) {
            assertThat(Duration.parse(text)).as("'%s'", text).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void plainSeconds_readsTheFormsTemplatesUse() {
        assertThat(FisDuration.plainSeconds("PT5M")).isEqualTo(300);
        assertThat(FisDuration.plainSeconds("PT1H30M")).isEqualTo(5400);
        assertThat(FisDuration.plainSeconds("PT90S")).isEqualTo(90);
        assertThat(FisDuration.plainSeconds("PT1H1M1S")).isEqualTo(3661);
        assertThat(FisDuration.plainSeconds("PT1.5S")).isEqualTo(-1);
        assertThat(FisDuration.plainSeconds("P1D")).isEqualTo(-1);
        assertThat(FisDuration.plainSeconds("PT1M1H")).isEqualTo(-1);
        assertThat(FisDuration.plainSeconds("PT5m")).isEqualTo(-1);
    }

    /** The range check in seconds against Duration's own comparison, on bounds with and without nanoseconds. */
    @Test
    void acceptsDurationSeconds_agreesWithComparingDurations() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<Duration> bounds = new ArrayList<>(List.of(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMillis(1500),
                Duration.ofSeconds(60, 1), Duration.ofHours(12), Duration.ZERO));
        for (int i = 0; i < 50; i++) {
            bounds.add(Duration.ofSeconds(random.nextInt(100_000), random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)));
        }
        int checked = 0;
        for (Duration min : withNull(bounds)) {
            for (Duration max : withNull(bounds)) {
                ParameterDefinition def = ParameterDefinition.builder("d", ParameterType.DURATION).durationRange(min, max).build();
                for (long s : seconds(min, max, random)) {
                    Duration d = Duration.ofSeconds(s);
                    boolean expected = (min == null || d.compareTo(min) >= 0) && (max == null || d.compareTo(max) <= 0);
                    assertThat(def.acceptsDurationSeconds(s)).as("%ss in %s..%s (seed %s)", s, min, max, SEED).isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    private static List<Duration> withNull(List<Duration> bounds) {
        List<Duration> all = new ArrayList<>(bounds);
        all.add(null);
        return all;
    }

    private static List<Long> seconds(Duration min, Duration max, SplittableRandom random) {
        List<Long> out = new ArrayList<>(List.of(0L, 1L, 59L, 60L, 61L, 43_200L, (long) random.nextInt(200_000)));
        for (Duration bound : new Duration[] {min, max}) {
            if (bound != null) {
                for (long delta = -1; delta <= 1; delta++) {
                    out.add(Math.max(0, bound.getSeconds() + delta));
                }
            }
        }
        return out;
    }

    @Test
    void requirableParameters_areTheRequiredAndTheConditionallyRequired_inDocumentedOrder() {
        int some = 0;
        for (ActionDefinition action : Catalog.defaultCatalog().actions()) {
            List<ParameterDefinition> expected = new ArrayList<>();
            for (ParameterDefinition p : action.parameters().values()) {
                if (p.required() || p.requiredWhen().isPresent()) {
                    expected.add(p);
                }
            }
            assertThat(action.requirableParameters()).as(action.id()).containsExactlyElementsOf(expected);
            some += expected.size();
        }
        assertThat(some).as("the catalog has required parameters").isPositive();
    }

    /** The template readers intern field names; a catalog name that is interned too is found by reference. */
    @Test
    void parameterNames_andDurationParameters_areInterned() {
        for (ActionDefinition action : Catalog.defaultCatalog().actions()) {
            for (String name : action.parameters().keySet()) {
                assertThat(name).as(action.id()).isSameAs(name.intern());
                assertThat(action.parameters().get(name).name()).isSameAs(name.intern());
            }
            if (action.durationParameter().isPresent()) {
                assertThat(action.durationParameter().get()).as(action.id()).isSameAs(action.durationParameter().get().intern());
            }
        }
    }
}
