package dev.faultline.core.catalog;

import java.time.Duration;

/**
 * The one reader of the ISO-8601 durations FIS takes ({@code PT5M}, {@code PT1H30M}): the
 * catalog's duration parameters and ranges, the template reader, the validator, the plan, the
 * DSL, safety policies, the journal and the command line all read durations through it.
 *
 * <p>It accepts what {@link Duration#parse} accepts, with a fast path for the forms templates
 * use: no regular expression, no allocation beyond the result.
 *
 * <pre>{@code
 * FisDuration.parse("PT1H30M");   // PT1H30M
 * FisDuration.parse("5m");        // throws DateTimeParseException
 * }</pre>
 */
public final class FisDuration {

    private FisDuration() {}

    /**
     * Reads an ISO-8601 duration.
     *
     * @param text the text
     * @return the duration
     * @throws java.time.format.DateTimeParseException if the text is not an ISO-8601 duration
     */
    public static Duration parse(String text) {
        long seconds = plainSeconds(text);
        return seconds >= 0 ? Duration.ofSeconds(seconds) : Duration.parse(text);
    }

    /**
     * The whole seconds of a duration written in the form templates use ({@code PT5M},
     * {@code PT1H30M}, {@code PT90S}: hours, minutes and seconds in that order, whole numbers of at
     * most nine digits), read without making a {@link Duration}; for those texts
     * {@code parse(text).getSeconds()} is the same number, and the nanoseconds are zero.
     *
     * @param text the text
     * @return the seconds, or -1 when the text is not in that form (it may still be a duration
     *     {@link #parse} reads, or none)
     */
    public static long plainSeconds(String text) {
        int length = text.length();
        if (length <= 3 || length >= 24 || text.charAt(0) != 'P' || text.charAt(1) != 'T') {
            return -1;
        }
        long seconds = 0;
        int lastUnit = -1;
        int i = 2;
        while (i < length) {
            int start = i;
            long n = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                n = n * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i == length || i - start > 9) {
                return -1;
            }
            char unit = text.charAt(i++);
            int order = unit == 'H' ? 0 : unit == 'M' ? 1 : unit == 'S' ? 2 : -1;
            if (order <= lastUnit) {
                return -1;
            }
            lastUnit = order;
            seconds += n * (order == 0 ? 3600 : order == 1 ? 60 : 1);
        }
        return seconds;
    }
}
