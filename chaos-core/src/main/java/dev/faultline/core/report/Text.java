package dev.faultline.core.report;

import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.plan.Durations;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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
            return time(time);
        }
        Duration d = Duration.between(start, time);
        return (d.isNegative() ? "" : "+") + duration(d) + " (" + time(time) + ")";
    }

    /** The significant digits a metric value is shown with: more than CloudWatch's statistics carry in practice. */
    static final int SIGNIFICANT_DIGITS = 6;

    private static final DateTimeFormatter MILLIS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /**
     * A number rounded to {@link #SIGNIFICANT_DIGITS} significant digits, so that floating-point
     * noise ({@code 3.1250000000000004}) does not show, without a trailing {@code .0} and without
     * exponent notation for everyday sizes.
     */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal shown = rounded(value);
        return shown.abs().compareTo(new BigDecimal("1e12")) >= 0 ? Double.toString(value) : shown.toPlainString();
    }

    /** A value rounded as {@link #number(double)} shows it; for the JSON report. */
    static BigDecimal rounded(double value) {
        return new BigDecimal(Double.toString(value)).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
    }

    private static final Instant FIRST_DATE = java.time.LocalDate.MIN.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    private static final Instant LAST_DATE = java.time.LocalDate.MAX.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();

    /** A time in UTC at millisecond precision, always with three fraction digits: {@code 2026-11-27T13:02:00.000Z}. */
    static String time(Instant time) {
        if (time == null) {
            return null;
        }
        if (time.isBefore(FIRST_DATE) || time.isAfter(LAST_DATE)) {
            return time.toString(); // beyond the years a date can show: Instant's own text
        }
        return MILLIS_UTC.format(time);
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
