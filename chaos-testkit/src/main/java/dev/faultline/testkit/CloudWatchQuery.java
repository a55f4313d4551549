package dev.faultline.testkit;

import dev.faultline.core.model.MetricAlarm;
import dev.faultline.testkit.internal.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CloudWatch calls of the AWS SDK 2.40.2 in the query protocol: a form-encoded
 * {@code POST /} with {@code Action=DescribeAlarms|PutMetricAlarm|PutCompositeAlarm|SetAlarmState|GetMetricData|DeleteAlarms},
 * answered with XML.
 */
final class CloudWatchQuery {

    private static final String NS = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    /**
     * An answer: HTTP status and XML body.
     *
     * @param status the HTTP status
     * @param errorCode the error code, null on success
     * @param xml the XML body
     */
    public record Answer(int status, String errorCode, String xml) {}

    private final Alarms alarms;
    private final Runnable afterChange;

    /**
     * The CloudWatch API over an alarm store.
     *
     * @param alarms the alarms
     * @param afterChange run after an alarm changed (lets experiments react)
     */
    public CloudWatchQuery(Alarms alarms, Runnable afterChange) {
        this.alarms = Objects.requireNonNull(alarms, "alarms");
        this.afterChange = Objects.requireNonNull(afterChange, "afterChange");
    }

    /**
     * Answers one request.
     *
     * @param form the decoded form parameters
     * @param requestId the request id for the answer
     * @return the answer
     */
    public Answer handle(Map<String, List<String>> form, String requestId) {
        Map<String, String> p = new TreeMap<>();
        form.forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
        String action = p.getOrDefault("Action", "");
        afterChange.run();
        try {
            switch (action) {
                case "DescribeAlarms":
                    return ok(action, describe(p), requestId);
                case "PutMetricAlarm":
                    putAlarm(p);
                    afterChange.run();
                    return ok(action, null, requestId);
                case "PutCompositeAlarm":
                    putComposite(p);
                    afterChange.run();
                    return ok(action, null, requestId);
                case "SetAlarmState":
                    setState(p);
                    afterChange.run();
                    return ok(action, null, requestId);
                case "DeleteAlarms":
                    for (String name : members(p, "AlarmNames.member.")) {
                        alarms.delete(name);
                    }
                    return ok(action, null, requestId);
                case "GetMetricData":
                    return ok(action, metricData(p), requestId);
                default:
                    return error(400, "InvalidAction", "LocalFis does not emulate the CloudWatch action " + action + ".",
                            requestId);
            }
        } catch (ApiException e) {
            return error(e.status(), e.type(), e.getMessage(), requestId);
        }
    }

    private String describe(Map<String, String> p) {
        List<String> names = members(p, "AlarmNames.member.");
        String prefix = p.get("AlarmNamePrefix");
        String state = p.get("StateValue");
        List<String> types = members(p, "AlarmTypes.member.");
        StringBuilder b = new StringBuilder("<MetricAlarms>");
        StringBuilder composites = new StringBuilder("<CompositeAlarms>");
        for (Alarm a : alarms.alarms()) {
            if ((!names.isEmpty() && !names.contains(a.name())) || (prefix != null && !a.name().startsWith(prefix))
                    || (state != null && !state.equals(a.state().name()))) {
                continue;
            }
            Optional<String> rule = alarms.rule(a.name());
            if (rule.isPresent()) {
                if (types.contains("CompositeAlarm")) {
                    composites.append("<member>");
                    el(composites, "AlarmName", a.name());
                    el(composites, "AlarmArn", a.arn());
                    el(composites, "AlarmRule", rule.get());
                    el(composites, "StateValue", a.state().name());
                    el(composites, "StateReason", a.stateReason());
                    el(composites, "StateUpdatedTimestamp", a.stateUpdated().toString());
                    composites.append("</member>");
                }
                continue;
            }
            if (!types.isEmpty() && !types.contains("MetricAlarm")) {
                continue;
            }
            b.append("<member>");
            el(b, "AlarmName", a.name());
            el(b, "AlarmArn", a.arn());
            el(b, "ActionsEnabled", "true");
            el(b, "StateValue", a.state().name());
            el(b, "StateReason", a.stateReason());
            el(b, "StateUpdatedTimestamp", a.stateUpdated().toString());
            if (a.hasMetric()) {
                el(b, "MetricName", a.metricName());
                el(b, "Namespace", a.namespace());
                if (a.statistic() != null) {
                    el(b, a.statistic().startsWith("p") ? "ExtendedStatistic" : "Statistic", a.statistic());
                }
                b.append("<Dimensions>");
                a.dimensions().forEach((k, v) -> {
                    b.append("<member>");
                    el(b, "Name", k);
                    el(b, "Value", v);
                    b.append("</member>");
                });
                b.append("</Dimensions>");
                el(b, "Period", String.valueOf(a.periodSeconds()));
                el(b, "EvaluationPeriods", String.valueOf(a.evaluationPeriods()));
                el(b, "DatapointsToAlarm", String.valueOf(a.datapointsToAlarm()));
                el(b, "Threshold", String.valueOf(a.threshold()));
                el(b, "ComparisonOperator", a.comparisonOperator());
            }
            b.append("</member>");
        }
        b.append("</MetricAlarms>").append(composites).append("</CompositeAlarms>");
        return b.toString();
    }

    private void putAlarm(Map<String, String> p) {
        String name = required(p, "AlarmName");
        MetricId metric = null;
        if (p.containsKey("MetricName") && p.containsKey("Namespace")) {
            metric = new MetricId(p.get("Namespace"), p.get("MetricName"), dimensions(p, "Dimensions.member."));
        }
        int periods = integer(p, "EvaluationPeriods", 1);
        String missing = p.getOrDefault("TreatMissingData", "missing");
        if (!MetricAlarm.TREAT_MISSING_DATA.contains(missing)) {
            throw new ApiException(400, "InvalidParameterValue", "TreatMissingData must be one of "
                    + MetricAlarm.TREAT_MISSING_DATA + ".");
        }
        boolean created = alarms.alarm(name).isEmpty();
        alarms.put(name, metric, p.getOrDefault("ExtendedStatistic", p.getOrDefault("Statistic", "Average")),
                Duration.ofSeconds(integer(p, "Period", 60)), periods, integer(p, "DatapointsToAlarm", periods),
                number(p, "Threshold", 0), p.getOrDefault("ComparisonOperator", "GreaterThanThreshold"));
        alarms.treatMissingData(name, missing);
        if (created) {
            alarms.tag(name, tags(p));
        }
    }

    private void putComposite(Map<String, String> p) {
        String name = required(p, "AlarmName");
        AlarmRule rule = AlarmRule.parse(required(p, "AlarmRule"));
        for (String child : rule.alarms()) {
            if (alarms.alarm(child).isEmpty()) {
                throw new ApiException(400, "ValidationError", "The alarm rule names " + child
                        + ", which does not exist.");
            }
        }
        boolean created = alarms.alarm(name).isEmpty();
        alarms.putComposite(name, rule.toString());
        if (created) {
            alarms.tag(name, tags(p));
        }
    }

    private static Map<String, String> tags(Map<String, String> p) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
            out.put(p.get("Tags.member." + i + ".Key"), p.getOrDefault("Tags.member." + i + ".Value", ""));
        }
        return out;
    }

    private void setState(Map<String, String> p) {
        String name = required(p, "AlarmName");
        String value = required(p, "StateValue");
        AlarmState state;
        try {
            state = AlarmState.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "InvalidParameterValue", "StateValue must be OK, ALARM or INSUFFICIENT_DATA.");
        }
        if (alarms.alarm(name).isEmpty()) {
            throw new ApiException(404, "ResourceNotFound", "Alarm " + name + " not found");
        }
        alarms.setState(name, state, p.getOrDefault("StateReason", ""));
    }

    private String metricData(Map<String, String> p) {
        Instant start = instant(p, "StartTime");
        Instant end = instant(p, "EndTime");
        boolean ascending = "TimestampAscending".equals(p.get("ScanBy"));
        StringBuilder b = new StringBuilder("<MetricDataResults>");
        for (int i = 1; p.containsKey("MetricDataQueries.member." + i + ".Id"); i++) {
            String q = "MetricDataQueries.member." + i + ".";
            if (p.containsKey(q + "Expression")) {
                throw new ApiException(400, "InvalidParameterValue", "LocalFis does not evaluate metric math expressions.");
            }
            if ("false".equals(p.get(q + "ReturnData"))) {
                continue;
            }
            String m = q + "MetricStat.Metric.";
            MetricId metric = new MetricId(required(p, m + "Namespace"), required(p, m + "MetricName"),
                    dimensions(p, m + "Dimensions.member."));
            int period = integer(p, q + "MetricStat.Period", 60);
            String stat = p.getOrDefault(q + "MetricStat.Stat", "Average");
            List<String> times = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Instant t = start; t.isBefore(end); t = t.plusSeconds(period)) {
                Optional<Double> v = alarms.statistic(metric, stat, t, Duration.ofSeconds(period));
                if (v.isPresent()) {
                    times.add(t.toString());
                    values.add(String.valueOf(v.get()));
                }
            }
            if (!ascending) {
                java.util.Collections.reverse(times);
                java.util.Collections.reverse(values);
            }
            b.append("<member>");
            el(b, "Id", p.get(q + "Id"));
            el(b, "Label", p.getOrDefault(q + "Label", metric.name()));
            b.append("<Timestamps>");
            times.forEach(t -> el(b, "member", t));
            b.append("</Timestamps><Values>");
            values.forEach(v -> el(b, "member", v));
            b.append("</Values>");
            el(b, "StatusCode", "Complete");
            b.append("</member>");
        }
        b.append("</MetricDataResults><Messages/>");
        return b.toString();
    }

    private static List<String> members(Map<String, String> p, String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; p.containsKey(prefix + i); i++) {
            out.add(p.get(prefix + i));
        }
        return out;
    }

    private static Map<String, String> dimensions(Map<String, String> p, String prefix) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 1; p.containsKey(prefix + i + ".Name"); i++) {
            out.put(p.get(prefix + i + ".Name"), p.getOrDefault(prefix + i + ".Value", ""));
        }
        return out;
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw new ApiException(400, "MissingParameter", "The parameter " + name + " is required.");
        }
        return v;
    }

    private static int integer(Map<String, String> p, String name, int fallback) {
        try {
            return p.containsKey(name) ? Integer.parseInt(p.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "InvalidParameterValue", name + " must be an integer.");
        }
    }

    private static double number(Map<String, String> p, String name, double fallback) {
        try {
            return p.containsKey(name) ? Double.parseDouble(p.get(name)) : fallback;
        } catch (NumberFormatException e) {
            throw new ApiException(400, "InvalidParameterValue", name + " must be a number.");
        }
    }

    private static Instant instant(Map<String, String> p, String name) {
        try {
            return Instant.parse(required(p, name));
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "InvalidParameterValue", name + " must be an ISO 8601 timestamp.");
        }
    }

    private static void el(StringBuilder b, String name, String value) {
        b.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static Answer ok(String action, String result, String requestId) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        b.append('<').append(action).append("Response xmlns=\"").append(NS).append("\">");
        if (result != null) {
            b.append('<').append(action).append("Result>").append(result).append("</").append(action).append("Result>");
        }
        b.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        b.append("</").append(action).append("Response>");
        return new Answer(200, null, b.toString());
    }

    /**
     * An error answer in the query protocol's shape.
     *
     * @param status the HTTP status
     * @param code the error code
     * @param message the message
     * @param requestId the request id
     * @return the answer
     */
    public static Answer error(int status, String code, String message, String requestId) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse xmlns=\"" + NS + "\"><Error><Type>"
                + (status >= 500 ? "Receiver" : "Sender") + "</Type><Code>" + escape(code) + "</Code><Message>"
                + escape(message) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return new Answer(status, code, xml);
    }
}
