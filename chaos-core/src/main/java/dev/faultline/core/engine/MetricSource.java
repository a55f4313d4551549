package dev.faultline.core.engine;

import dev.faultline.core.model.SteadyStateCondition;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the metric of a steady-state condition, for example from CloudWatch
 * {@code GetMetricData}.
 */
@FunctionalInterface
public interface MetricSource {

    /**
     * Reads the condition's statistic, one value per period, between two times.
     *
     * @param condition the condition (namespace, metric, dimensions, statistic, period)
     * @param from the start of the window, inclusive
     * @param to the end of the window, exclusive
     * @return the values, oldest first; empty when the metric had no data
     */
    CompletableFuture<List<MetricPoint>> read(SteadyStateCondition condition, Instant from, Instant to);
}
