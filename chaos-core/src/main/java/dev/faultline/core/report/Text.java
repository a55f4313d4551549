package dev.faultline.core.report;

import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.plan.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Small formatters the Markdown and HTML share: durations, offsets, numbers, thresholds. */
final class Text {

    private Text() {}

    /**
     * A duration in seconds, as a double: never overflows (times up to 10^16 s apart and more).
     *
     * @param d the duration
     * @return its length in seconds
     */
    static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    /**
     * A duration in milliseconds, saturated at {@code Long.MIN_VALUE}/{@code MAX_VALUE} instead
     * of throwing for durations beyond about 292 million years.
     *
     * @param d the duration
     * @return its length in milliseconds
     */
    static long millis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * A time plus a duration, held at {@link Instant#MIN} or {@link Instant#MAX} instead of
     * throwing beyond them.
     *
     * @param t the time
     * @param d the duration
     * @return the sum, saturated
     */
    static Instant plus(Instant t, Duration d) {
        try {
            return t.plus(d);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** A duration as {@code 5m 30s}; a negative one with a leading minus. */
    static String duration(Duration d) {
        return d.isNegative() ? "-" + Durations.format(d.negated()) : Durations.format(d);
    }

    /**
     * A time as an offset from the experiment's start, with the time itself.
     *
     * @return for example {@code +2m (2026-11-27T13:02:00Z)}; the bare time without a start;
     *     null without a time
     */
    static String offset(Instant start, Instant time) {
        if (time == null) {
            return null;
        }
        if (start == null) {
            return time.toString();
        }
        Duration d = Duration.between(start, time);
        return (d.isNegative() ? "" : "+") + duration(d) + " (" + time + ")";
    }

    /** A number without a trailing {@code .0} and without exponent notation for everyday sizes. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return exact.abs().compareTo(new BigDecimal("1e12")) >= 0 ? Double.toString(value) : exact.toPlainString();
    }

    /** A condition's threshold as {@code < 1.5}, or {@code none}. */
    static String threshold(SteadyStateCondition c) {
        if (c.comparison().isEmpty() || c.threshold().isEmpty()) {
            return "none";
        }
        return c.comparison().get().symbol() + " " + number(c.threshold().get());
    }

    /** Who stopped the run and why, for example {@code CALLER: game day over}. */
    static String stopCause(ReportData data) {
        String source = data.outcome().stopSource().map(Enum::name)
                .orElse(data.stop() == null ? "unknown" : data.stop().source().name());
        String reason = data.outcome().stopReason().orElse(data.stop() == null ? null : data.stop().reason());
        return reason == null || reason.isEmpty() ? source : source + ": " + reason;
    }

    /** Who stopped the run, why and, when known, when. */
    static String stop(ReportData data) {
        String cause = stopCause(data);
        return data.stopTime() == null ? cause : cause + " at " + offset(data.start(), data.stopTime());
    }

    /**
     * Text cut to at most {@code max} code points, ending with an ellipsis when cut; for SVG
     * labels, which do not wrap (the full text is in the tables and in the elements' titles).
     */
    static String shorten(String text, int max) {
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }
}
