package dev.faultline.aws.engine;

import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads steady-state metrics with CloudWatch {@code GetMetricData}: one query per condition,
 * the condition's statistic over its period, with its dimensions, following
 * {@code NextToken} until the last page. Calls go through a rate-limited, retrying gate (the
 * engine's, or one of the source's own).
 *
 * <pre>{@code
 * MetricSource source = CloudWatchMetricSource.create(cloudWatch);
 * List<Evidence> evidence = HypothesisEvaluator.check(source, hypothesis, CheckPhase.BEFORE, Instant.now()).join();
 * }</pre>
 *
 * <p>A window without data gives an empty list. A service error (after the gate's retries),
 * or a result CloudWatch marks {@code Forbidden} or {@code InternalError}, completes the future
 * with an {@link EngineException} whose cause is the service's error.
 */
public final class CloudWatchMetricSource implements MetricSource {

    /** The most pages one read follows before it gives up (a guard against a looping token). */
    static final int MAX_PAGES = 1_000;

    private static final String QUERY_ID = "m0";

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

    /**
     * Creates a source with its own call gate ({@link EngineConfig#defaults()}: at most 10 calls
     * a second, retries with backoff) whose waits run on a shared daemon thread.
     *
     * @param cloudWatch the client; the caller keeps owning it
     * @return the source
     */
    public static CloudWatchMetricSource create(CloudWatchAsyncClient cloudWatch) {
        return create(cloudWatch, DefaultScheduler.INSTANCE);
    }

    /**
     * Creates a source with its own call gate ({@link EngineConfig#defaults()}) whose waits
     * run on the given scheduler.
     *
     * @param cloudWatch the client; the caller keeps owning it
     * @param scheduler where rate-limit and retry waits are scheduled; the caller keeps owning it
     * @return the source
     */
    public static CloudWatchMetricSource create(CloudWatchAsyncClient cloudWatch, ScheduledExecutorService scheduler) {
        Objects.requireNonNull(cloudWatch, "cloudWatch");
        Objects.requireNonNull(scheduler, "scheduler");
        return new CloudWatchMetricSource(cloudWatch, new AwsCalls(EngineConfig.defaults(), scheduler));
    }

    /**
     * Reads the condition's statistic, one value per period, between two times.
     *
     * @param condition the condition (namespace, metric name and statistic are required)
     * @param from the start of the window, inclusive
     * @param to the end of the window, exclusive; after {@code from}
     * @return the values, oldest first; empty when the metric had no data
     * @throws IllegalArgumentException if the condition lacks a namespace, metric name or
     *     statistic, its period is not a whole number of seconds, or the window is empty
     */
    @Override
    public CompletableFuture<List<MetricPoint>> read(SteadyStateCondition condition, Instant from, Instant to) {
        GetMetricDataRequest first = request(condition, from, to);
        String label = HypothesisEvaluator.label(condition);
        return page(first, label, new ArrayList<>(), 1).thenApply(points -> {
            points.sort(Comparator.comparing(MetricPoint::time));
            return List.copyOf(points);
        });
    }

    /**
     * The first GetMetricData request for a condition's window.
     *
     * @param condition the condition
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the request
     */
    static GetMetricDataRequest request(SteadyStateCondition condition, Instant from, Instant to) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        String label = HypothesisEvaluator.label(condition);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("The window of steady-state condition " + label
                    + " is empty: from " + from + " is not before to " + to);
        }
        Duration period = condition.period();
        if (period.getSeconds() < 1 || period.getNano() != 0) {
            throw new IllegalArgumentException("The period of steady-state condition " + label
                    + " must be a whole number of seconds (1, 5, 10, 30 or a multiple of 60), was " + period);
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (Map.Entry<String, String> d : condition.dimensions().entrySet()) {
            dimensions.add(Dimension.builder().name(d.getKey()).value(d.getValue()).build());
        }
        Metric metric = Metric.builder()
                .namespace(condition.namespace().orElseThrow(() -> missing(label, "namespace")))
                .metricName(condition.metricName().orElseThrow(() -> missing(label, "metricName")))
                .dimensions(dimensions)
                .build();
        MetricDataQuery query = MetricDataQuery.builder().id(QUERY_ID).label(label).returnData(true)
                .metricStat(MetricStat.builder().metric(metric)
                        .stat(condition.statistic().orElseThrow(() -> missing(label, "statistic")))
                        .period(Math.toIntExact(period.getSeconds())).build())
                .build();
        return GetMetricDataRequest.builder().metricDataQueries(query).startTime(from).endTime(to)
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
    }

    private CompletableFuture<List<MetricPoint>> page(GetMetricDataRequest request, String label,
            List<MetricPoint> into, int pages) {
        return calls.call("GetMetricData", () -> cloudWatch.getMetricData(request))
                .handle((response, error) -> {
                    if (error != null) {
                        throw new CompletionException(new EngineException("GetMetricData failed for steady-state"
                                + " condition " + label + ": " + PreflightRunner.describe(error),
                                AwsCalls.unwrap(error)));
                    }
                    return response;
                })
                .thenCompose(response -> {
                    collect(response, label, into);
                    String next = response.nextToken();
                    if (next == null || next.isEmpty()) {
                        return CompletableFuture.completedFuture(into);
                    }
                    if (next.equals(request.nextToken()) || pages >= MAX_PAGES) {
                        return CompletableFuture.failedFuture(new EngineException("GetMetricData for steady-state"
                                + " condition " + label + " kept returning pages (" + pages + " read, token " + next
                                + "); giving up"));
                    }
                    return page(request.toBuilder().nextToken(next).build(), label, into, pages + 1);
                });
    }

    private static void collect(GetMetricDataResponse response, String label, List<MetricPoint> into) {
        for (MetricDataResult r : response.metricDataResults()) {
            if (!QUERY_ID.equals(r.id()) && r.id() != null) {
                continue;
            }
            StatusCode status = r.statusCode();
            if (status == StatusCode.FORBIDDEN || status == StatusCode.INTERNAL_ERROR) {
                String messages = r.messages().stream().map(m -> m.code() + ": " + m.value()).toList().toString();
                throw new CompletionException(new EngineException("GetMetricData answered " + r.statusCodeAsString()
                        + " for steady-state condition " + label + " " + messages));
            }
            int n = Math.min(r.timestamps().size(), r.values().size());
            for (int i = 0; i < n; i++) {
                into.add(new MetricPoint(r.timestamps().get(i), r.values().get(i)));
            }
        }
    }

    private static IllegalArgumentException missing(String label, String field) {
        return new IllegalArgumentException("The steady-state condition " + label + " has no " + field
                + "; the validator reports this as an ERROR before a run");
    }

    /** The scheduler of sources made by {@link #create(CloudWatchAsyncClient)}: one daemon thread, made on first use. */
    private static final class DefaultScheduler {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-cloudwatch-metrics");
            t.setDaemon(true);
            return t;
        });

        private DefaultScheduler() {}
    }
}
