package dev.faultline.aws.engine;

import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * Reads steady-state metrics with CloudWatch {@code GetMetricData}: one query per condition,
 * the condition's statistic over its period, following {@code NextToken}.
 */
public final class CloudWatchMetricSource implements MetricSource {

    private final CloudWatchAsyncClient cloudWatch;
    private final AwsCalls calls;

    /**
     * Creates a source that shares an engine's call gate.
     *
     * @param cloudWatch the client
     * @param calls the gate
     */
    CloudWatchMetricSource(CloudWatchAsyncClient cloudWatch, AwsCalls calls) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    @Override
    public CompletableFuture<List<MetricPoint>> read(SteadyStateCondition condition, Instant from, Instant to) {
        Metric.Builder metric = Metric.builder()
                .namespace(condition.namespace().orElseThrow(() -> missing("namespace")))
                .metricName(condition.metricName().orElseThrow(() -> missing("metricName")));
        List<Dimension> dimensions = new ArrayList<>();
        for (Map.Entry<String, String> d : condition.dimensions().entrySet()) {
            dimensions.add(Dimension.builder().name(d.getKey()).value(d.getValue()).build());
        }
        MetricDataQuery query = MetricDataQuery.builder().id("m0").returnData(true)
                .metricStat(MetricStat.builder().metric(metric.dimensions(dimensions).build())
                        .stat(condition.statistic().orElseThrow(() -> missing("statistic")))
                        .period((int) condition.period().getSeconds()).build())
                .build();
        GetMetricDataRequest first = GetMetricDataRequest.builder().metricDataQueries(query)
                .startTime(from).endTime(to).build();
        return page(first, new ArrayList<>()).thenApply(points -> {
            points.sort(Comparator.comparing(MetricPoint::time));
            return List.copyOf(points);
        });
    }

    private CompletableFuture<List<MetricPoint>> page(GetMetricDataRequest request, List<MetricPoint> into) {
        return calls.call("GetMetricData", () -> cloudWatch.getMetricData(request)).thenCompose(response -> {
            collect(response, into);
            if (response.nextToken() == null || response.nextToken().isEmpty()) {
                return CompletableFuture.completedFuture(into);
            }
            return page(request.toBuilder().nextToken(response.nextToken()).build(), into);
        });
    }

    private static void collect(GetMetricDataResponse response, List<MetricPoint> into) {
        for (MetricDataResult r : response.metricDataResults()) {
            int n = Math.min(r.timestamps().size(), r.values().size());
            for (int i = 0; i < n; i++) {
                into.add(new MetricPoint(r.timestamps().get(i), r.values().get(i)));
            }
        }
    }

    private static IllegalArgumentException missing(String field) {
        return new IllegalArgumentException("The steady-state condition has no " + field
                + "; the validator reports this as an ERROR before a run");
    }
}
