package dev.faultline.core.engine;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of a metric statistic: the statistic over the period that starts at {@code time}.
 *
 * @param time the start of the period
 * @param value the statistic's value
 */
public record MetricPoint(Instant time, double value) {
    /**
     * Checks the components.
     *
     * @param time the time
     * @param value the value
     */
    public MetricPoint {
        Objects.requireNonNull(time, "time");
    }
}
