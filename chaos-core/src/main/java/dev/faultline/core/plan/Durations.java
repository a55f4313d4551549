package dev.faultline.core.plan;

import java.time.Duration;
import java.util.Objects;

/**
 * Prints durations for people: hours, minutes and seconds with their units, largest first,
 * zero parts left out; a duration under two minutes that is not a whole minute in seconds.
 *
 * <pre>{@code
 * Durations.format(Duration.ofMinutes(90));    // "1h 30m"
 * Durations.format(Duration.ofMinutes(5));     // "5m"
 * Durations.format(Duration.ofSeconds(90));    // "90s"
 * Durations.format(Duration.ofSeconds(150));   // "2m 30s"
 * Durations.format(Duration.ZERO);             // "0s"
 * }</pre>
 */
public final class Durations {

    private static final long TWO_MINUTES = 120;

    private Durations() {}

    /**
     * Formats a duration as {@code 1h 30m}, {@code 5m}, {@code 90s}; fractions of a second
     * are dropped, and a positive duration under a second prints as {@code <1s}.
     *
     * @param duration the duration, not negative
     * @return the text
     * @throws IllegalArgumentException if the duration is negative
     */
    public static String format(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return duration.isZero() ? "0s" : "<1s";
        }
        if (seconds < TWO_MINUTES && seconds % 60 != 0) {
            return seconds + "s";
        }
        StringBuilder out = new StringBuilder();
        append(out, seconds / 3600, "h");
        append(out, seconds % 3600 / 60, "m");
        append(out, seconds % 60, "s");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount == 0) {
            return;
        }
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(amount).append(unit);
    }
}
