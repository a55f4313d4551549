package dev.faultline.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Sped-up time that two JVMs on one machine agree on: {@code origin + (now - origin) * factor},
 * where {@code now} is the system clock both read. LocalFis runs on it in its JVM, the watchers
 * in theirs, so a state change's time in LocalFis and the time a watcher saw it compare
 * directly; a difference on this clock divided by the factor is wall time.
 */
final class SharedClock extends Clock {

    private final Instant origin;
    private final double factor;

    /**
     * Creates the clock.
     *
     * @param origin where simulated and wall time agree
     * @param factor simulated seconds per wall second, at least 1
     */
    SharedClock(Instant origin, double factor) {
        if (!(factor >= 1)) {
            throw new IllegalArgumentException("factor must be at least 1, was " + factor);
        }
        this.origin = origin;
        this.factor = factor;
    }

    /**
     * The speed-up.
     *
     * @return simulated seconds per wall second
     */
    double factor() {
        return factor;
    }

    /**
     * Where simulated and wall time agree.
     *
     * @return the origin
     */
    Instant origin() {
        return origin;
    }

    @Override
    public Instant instant() {
        Instant now = Instant.now();
        long elapsed = (now.getEpochSecond() - origin.getEpochSecond()) * 1_000_000_000L
                + (now.getNano() - origin.getNano());
        return origin.plusNanos((long) (elapsed * factor));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("SharedClock is UTC only");
    }

    @Override
    public String toString() {
        return "SharedClock[x" + factor + " from " + origin + "]";
    }
}
