package dev.faultline.aws.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * Reads, awaits and deletes the alarms {@link AlarmSetup} makes: their ARNs and states by name
 * ({@code DescribeAlarms}, metric and composite, {@value AlarmCheck#MAX_NAMES} names a request),
 * the wait for them to leave {@code INSUFFICIENT_DATA}, and {@code DeleteAlarms}.
 */
final class AlarmStates {

    /** An alarm as DescribeAlarms reports it. */
    record Seen(String arn, String state) {}

    private final EngineContext context;

    /**
     * Creates the reader.
     *
     * @param context the engine's shared parts
     */
    AlarmStates(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * The alarms that exist among some names.
     *
     * @param names alarm names
     * @return ARN and state by name, for those that exist
     */
    CompletableFuture<Map<String, Seen>> describe(List<String> names) {
        return describe(names, 0, null, new LinkedHashMap<>());
    }

    private CompletableFuture<Map<String, Seen>> describe(List<String> names, int from, String token,
            Map<String, Seen> into) {
        if (from >= names.size()) {
            return CompletableFuture.completedFuture(into);
        }
        List<String> batch = names.subList(from, Math.min(names.size(), from + AlarmCheck.MAX_NAMES));
        DescribeAlarmsRequest request = DescribeAlarmsRequest.builder().alarmNames(batch)
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(token).build();
        return context.calls.call("DescribeAlarms", () -> context.cloudWatch.describeAlarms(request))
                .thenCompose(response -> {
                    for (MetricAlarm a : response.metricAlarms()) {
                        into.put(a.alarmName(), new Seen(a.alarmArn(), a.stateValueAsString()));
                    }
                    for (CompositeAlarm a : response.compositeAlarms()) {
                        into.put(a.alarmName(), new Seen(a.alarmArn(), a.stateValueAsString()));
                    }
                    String next = response.nextToken();
                    if (next != null && !next.isEmpty() && !next.equals(token)) {
                        return describe(names, from, next, into);
                    }
                    return describe(names, from + AlarmCheck.MAX_NAMES, null, into);
                });
    }

    /**
     * Waits until every alarm exists and is out of {@code INSUFFICIENT_DATA}: read at once, then
     * every poll interval, until {@link EngineConfig#alarmWait()} has passed on the engine's clock
     * or as many reads were made as fit in it (so a clock nobody moves still ends the wait).
     *
     * @param names the alarm names
     * @return the ARN of each alarm by name; fails with a message naming the alarms still waiting
     */
    CompletableFuture<Map<String, String>> awaitData(List<String> names) {
        Duration wait = context.config.alarmWait();
        Duration interval = context.config.pollInterval();
        long maxReads = 1 + Math.max(1, (wait.toNanos() + interval.toNanos() - 1) / interval.toNanos());
        return await(names, 1, maxReads, context.clock.instant().plus(wait));
    }

    private CompletableFuture<Map<String, String>> await(List<String> names, long n, long maxReads, Instant deadline) {
        return describe(names).thenCompose(seen -> {
            List<String> waiting = new ArrayList<>();
            Map<String, String> arns = new LinkedHashMap<>();
            for (String name : names) {
                Seen s = seen.get(name);
                if (s == null || s.arn() == null || "INSUFFICIENT_DATA".equals(s.state())) {
                    waiting.add(name + (s == null ? " (not listed yet)" : ""));
                } else {
                    arns.put(name, s.arn());
                }
            }
            if (waiting.isEmpty()) {
                return CompletableFuture.completedFuture(arns);
            }
            if (n >= maxReads || !context.clock.instant().isBefore(deadline)) {
                throw new java.util.concurrent.CompletionException(new IllegalStateException(
                        "the stop-condition alarm(s) " + String.join(", ", waiting) + " stayed INSUFFICIENT_DATA for "
                                + context.config.alarmWait() + " (EngineConfig.alarmWait): an alarm cannot protect the"
                                + " run before its metric reports data; check the namespace, metric name and"
                                + " dimensions, or set treatMissingData to notBreaching so that no data counts as"
                                + " healthy"));
            }
            return delay(context.config.pollInterval()).thenCompose(v -> await(names, n + 1, maxReads, deadline));
        });
    }

    /**
     * Deletes alarms, at most {@value AlarmCheck#MAX_NAMES} names a request.
     *
     * @param names the alarm names
     * @return completes when deleted
     */
    CompletableFuture<Void> delete(List<String> names) {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        for (int from = 0; from < names.size(); from += AlarmCheck.MAX_NAMES) {
            DeleteAlarmsRequest request = DeleteAlarmsRequest.builder()
                    .alarmNames(names.subList(from, Math.min(names.size(), from + AlarmCheck.MAX_NAMES))).build();
            done = done.thenCompose(v -> context.calls.call("DeleteAlarms",
                    () -> context.cloudWatch.deleteAlarms(request)).thenApply(r -> null));
        }
        return done;
    }

    private CompletableFuture<Void> delay(Duration d) {
        CompletableFuture<Void> out = new CompletableFuture<>();
        try {
            context.scheduler.schedule(() -> out.complete(null), d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            out.completeExceptionally(e);
        }
        return out;
    }
}
