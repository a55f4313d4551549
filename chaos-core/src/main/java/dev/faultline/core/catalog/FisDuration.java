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
        int length = text.length();
        if (length > 3 && length < 24 && text.charAt(0) == 'P' && text.charAt(1) == 'T') {
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
                    return Duration.parse(text);
                }
                char unit = text.charAt(i++);
                int order = unit == 'H' ? 0 : unit == 'M' ? 1 : unit == 'S' ? 2 : -1;
                if (order <= lastUnit) {
                    return Duration.parse(text);
                }
                lastUnit = order;
                seconds += n * (order == 0 ? 3600 : order == 1 ? 60 : 1);
            }
            return Duration.ofSeconds(seconds);
        }
        return Duration.parse(text);
    }
}
