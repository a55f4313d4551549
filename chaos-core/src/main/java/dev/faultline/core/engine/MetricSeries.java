package dev.faultline.core.engine;

import dev.faultline.core.model.SteadyStateCondition;
import java.util.List;
import java.util.Objects;

/**
 * The values of one steady-state condition's metric over a run, for a report's chart.
 *
 * @param condition the condition (with its threshold and comparison)
 * @param points the values, oldest first
 */
public record MetricSeries(SteadyStateCondition condition, List<MetricPoint> points) {
    /**
     * Checks the components and copies the list.
     *
     * @param condition the condition
     * @param points the points
     */
    public MetricSeries {
        Objects.requireNonNull(condition, "condition");
        points = List.copyOf(points);
    }
}
