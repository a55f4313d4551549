package dev.faultline.testkit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A CloudWatch metric: namespace, name and dimensions.
 *
 * @param namespace for example {@code AWS/ApplicationELB}
 * @param name for example {@code HTTPCode_Target_5XX_Count}
 * @param dimensions dimension names to values
 */
public record MetricId(String namespace, String name, Map<String, String> dimensions) {

    /**
     * Checks the components and sorts the dimensions, so that equal metrics are equal.
     *
     * @param namespace the namespace
     * @param name the metric name
     * @param dimensions the dimensions
     */
    public MetricId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(dimensions));
    }

    /**
     * A metric with dimensions given as pairs.
     *
     * @param namespace the namespace
     * @param name the metric name
     * @param dimensionPairs name, value, name, value ...
     * @return the metric
     */
    public static MetricId of(String namespace, String name, String... dimensionPairs) {
        if (dimensionPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Dimensions come in name, value pairs.");
        }
        Map<String, String> dims = new TreeMap<>();
        for (int i = 0; i < dimensionPairs.length; i += 2) {
            dims.put(dimensionPairs[i], dimensionPairs[i + 1]);
        }
        return new MetricId(namespace, name, dims);
    }
}
