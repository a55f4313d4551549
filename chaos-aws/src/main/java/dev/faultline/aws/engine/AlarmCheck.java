package dev.faultline.aws.engine;

import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.model.Arn;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * The stop-conditions check: every {@code aws:cloudwatch:alarm} stop condition names an alarm
 * that exists and is {@code OK}. An alarm already in {@code ALARM} would stop the experiment
 * at once; one in {@code INSUFFICIENT_DATA} cannot protect the run; a missing one is never
 * watched. Alarms in another Region than the CloudWatch client's are reported, not checked.
 */
final class AlarmCheck {

    /** The most alarm names DescribeAlarms takes in one request. */
    static final int MAX_NAMES = 100;

    private static final String ALARM_MARK = "alarm:";

    private final EngineContext context;

    /**
     * Creates the check.
     *
     * @param context the engine's shared parts
     */
    AlarmCheck(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** One alarm as DescribeAlarms reports it. */
    private record Found(String arn, String state, String reason) {}

    /**
     * Checks the experiment's alarm stop conditions.
     *
     * @param experiment the experiment
     * @return the check; never completes exceptionally
     */
    CompletableFuture<PreflightCheck> check(Experiment experiment) {
        List<String> arns = new ArrayList<>();
        int defined = 0;
        for (StopCondition s : experiment.stopConditions()) {
            if (s.isDefinedByMetrics()) {
                defined++;
            } else if (s.isAlarm() && s.value().isPresent()) {
                arns.add(s.value().get());
            }
        }
        if (arns.isEmpty() && defined > 0) {
            return CompletableFuture.completedFuture(PreflightCheck.passed(PreflightCheck.STOP_CONDITIONS, defined
                    + " stop condition(s) defined from metrics: the engine creates their alarms before a run and"
                    + " checks them then"));
        }
        if (arns.isEmpty()) {
            return CompletableFuture.completedFuture(PreflightRunner.warning(PreflightCheck.STOP_CONDITIONS,
                    "no CloudWatch alarm stop condition: nothing stops the experiment if the system degrades;"
                            + " add an aws:cloudwatch:alarm stop condition on a health metric"));
        }
        String region = clientRegion();
        List<String> problems = new ArrayList<>();
        List<String> otherRegion = new ArrayList<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (String arn : arns) {
            Arn parsed = Arn.parse(arn).orElse(null);
            int at = arn.indexOf(":" + ALARM_MARK);
            if (parsed == null || !"cloudwatch".equals(parsed.service()) || at < 0) {
                problems.add(arn + " is not a CloudWatch alarm ARN (arn:aws:cloudwatch:REGION:ACCOUNT:alarm:NAME)");
            } else if (region != null && !region.equals(parsed.region())) {
                otherRegion.add(arn);
            } else {
                byName.put(arn.substring(at + 1 + ALARM_MARK.length()), arn);
            }
        }
        if (byName.isEmpty()) {
            return CompletableFuture.completedFuture(judge(Map.of(), Map.of(), problems, otherRegion, region));
        }
        List<String> names = new ArrayList<>(byName.keySet());
        return describe(names, 0, null, new LinkedHashMap<>())
                .thenApply(found -> judge(byName, found, problems, otherRegion, region))
                .exceptionally(error -> PreflightCheck.failed(PreflightCheck.STOP_CONDITIONS,
                        "could not read the stop-condition alarms " + names + ": DescribeAlarms failed ("
                                + PreflightRunner.describe(error) + "); check that the caller may call"
                                + " cloudwatch:DescribeAlarms in " + (region == null ? "the client's Region" : region)));
    }

    private String clientRegion() {
        Region region = context.cloudWatch.serviceClientConfiguration().region();
        return region == null ? null : region.id();
    }

    /** Reads the alarms, at most {@value #MAX_NAMES} names a request, following NextToken. */
    private CompletableFuture<Map<String, Found>> describe(List<String> names, int from, String token,
            Map<String, Found> into) {
        List<String> batch = names.subList(from, Math.min(names.size(), from + MAX_NAMES));
        DescribeAlarmsRequest request = DescribeAlarmsRequest.builder().alarmNames(batch)
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).nextToken(token).build();
        return context.calls.call("DescribeAlarms", () -> context.cloudWatch.describeAlarms(request))
                .thenCompose(response -> {
                    collect(response, into);
                    String next = response.nextToken();
                    if (next != null && !next.isEmpty() && !next.equals(token)) {
                        return describe(names, from, next, into);
                    }
                    if (from + MAX_NAMES < names.size()) {
                        return describe(names, from + MAX_NAMES, null, into);
                    }
                    return CompletableFuture.completedFuture(into);
                });
    }

    private static void collect(DescribeAlarmsResponse response, Map<String, Found> into) {
        for (MetricAlarm a : response.metricAlarms()) {
            into.put(a.alarmName(), new Found(a.alarmArn(), a.stateValueAsString(), a.stateReason()));
        }
        for (CompositeAlarm a : response.compositeAlarms()) {
            into.put(a.alarmName(), new Found(a.alarmArn(), a.stateValueAsString(), a.stateReason()));
        }
    }

    private static PreflightCheck judge(Map<String, String> byName, Map<String, Found> found, List<String> problems,
            List<String> otherRegion, String region) {
        List<String> failures = new ArrayList<>(problems);
        List<String> ok = new ArrayList<>();
        String where = region == null ? "the client's Region" : region;
        for (Map.Entry<String, String> e : byName.entrySet()) {
            String name = e.getKey();
            Found a = found.get(name);
            if (a == null) {
                failures.add("alarm " + name + " does not exist in this account in " + where
                        + ": FIS could not watch it; create the alarm or fix the ARN " + e.getValue());
            } else if (a.arn() != null && !a.arn().equals(e.getValue())) {
                failures.add("alarm " + name + " exists here as " + a.arn() + ", not as " + e.getValue()
                        + " (another account or partition): fix the stop condition's ARN");
            } else if ("ALARM".equals(a.state())) {
                failures.add("alarm " + name + " is already firing (ALARM: " + reason(a)
                        + "): the experiment would stop at once; fix what the alarm reports, or wait until it is OK,"
                        + " before starting");
            } else if ("INSUFFICIENT_DATA".equals(a.state())) {
                failures.add("alarm " + name + " is INSUFFICIENT_DATA (" + reason(a) + "): it cannot protect the run;"
                        + " make its metric report data (check namespace, metric name and dimensions) or set the"
                        + " alarm's treatMissingData to breaching or notBreaching");
            } else if (!"OK".equals(a.state())) {
                failures.add("alarm " + name + " is in state " + a.state() + ", not OK");
            } else {
                ok.add(name);
            }
        }
        if (!failures.isEmpty()) {
            return PreflightCheck.failed(PreflightCheck.STOP_CONDITIONS, String.join("; ", failures));
        }
        String checked = ok.isEmpty() ? "" : ok.size() + " alarm(s) OK: " + String.join(", ", ok);
        if (!otherRegion.isEmpty()) {
            return PreflightRunner.warning(PreflightCheck.STOP_CONDITIONS, (checked.isEmpty() ? "" : checked + "; ")
                    + "not checked, in another Region than the CloudWatch client's " + where + ": "
                    + String.join(", ", otherRegion) + "; check them with a client in their Region");
        }
        return PreflightCheck.passed(PreflightCheck.STOP_CONDITIONS, checked);
    }

    private static String reason(Found a) {
        return a.reason() == null || a.reason().isBlank() ? "no reason given" : a.reason();
    }
}
