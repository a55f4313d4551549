package dev.faultline.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Clocks for LocalFis: a manual clock for tests, and scaled real time so that a
 * ten-minute experiment runs in a few seconds.
 *
 * <pre>{@code
 * Clock fast = Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(50)); // 1 min per 50 ms
 * ManualClock manual = Clocks.manual();
 * }</pre>
 */
public final class Clocks {

    /** Where manual clocks start unless told otherwise: 2026-01-01T00:00:00Z. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private Clocks() {}

    /**
     * A manual clock starting at {@link #EPOCH}.
     *
     * @return a new clock
     */
    public static ManualClock manual() {
        return new ManualClock(EPOCH);
    }

    /**
     * A manual clock starting at the given instant.
     *
     * @param start the first instant
     * @return a new clock
     */
    public static ManualClock manual(Instant start) {
        return new ManualClock(start);
    }

    /**
     * Real time, sped up: {@code simulated} passes for every {@code real} of wall time,
     * starting from the current time.
     *
     * @param simulated simulated time per step, for example one minute
     * @param real wall time per step, for example 50 ms
     * @return a new clock
     */
    public static Clock scaled(Duration simulated, Duration real) {
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(real, "real");
        if (simulated.isNegative() || simulated.isZero() || real.isNegative() || real.isZero()) {
            throw new IllegalArgumentException("Both durations must be positive: " + simulated + ", " + real);
        }
        return new Scaled(Instant.now(), System.nanoTime(), (double) simulated.toNanos() / real.toNanos(),
                ZoneOffset.UTC);
    }

    private static final class Scaled extends Clock {
        private final Instant origin;
        private final long originNanos;
        private final double factor;
        private final ZoneId zone;

        Scaled(Instant origin, long originNanos, double factor, ZoneId zone) {
            this.origin = origin;
            this.originNanos = originNanos;
            this.factor = factor;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new Scaled(origin, originNanos, factor, newZone);
        }

        @Override
        public Instant instant() {
            long elapsed = System.nanoTime() - originNanos;
            return origin.plusNanos((long) (elapsed * factor));
        }

        @Override
        public String toString() {
            return "ScaledClock[x" + factor + "]";
        }
    }
}
