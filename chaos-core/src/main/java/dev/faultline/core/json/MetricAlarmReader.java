package dev.faultline.core.json;

import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.MetricAlarm;
import dev.faultline.core.validation.JsonPointer;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code metricAlarms} of a stop condition (Faultline's own field): each a
 * {@link MetricAlarm}. A definition CloudWatch could not accept is a
 * {@code stop-condition.metric-alarm} ERROR at its pointer, and is left out.
 */
final class MetricAlarmReader {

    /** The code of a metric alarm definition that cannot be used. */
    static final ViolationCode CODE = ViolationCode.STOP_CONDITION_METRIC_ALARM_INVALID;

    private static final List<String> FIELDS = List.of("name", "namespace", "metricName", "dimensions", "statistic",
            "period", "evaluationPeriods", "datapointsToAlarm", "comparison", "threshold", "treatMissingData");
    private static final List<String> COMPARISONS = JsonTexts.enumNames(Comparison.values());

    private final JsonInput in;

    MetricAlarmReader(JsonInput in) {
        this.in = in;
    }

    /** Reads one alarm; null (with a violation) when it cannot be built. */
    MetricAlarm read(JsonPointer path) throws IOException {
        MetricAlarm.Builder b = MetricAlarm.builder();
        boolean[] complete = {true};
        in.fields(path, FIELDS, (name, index, parent) -> {
            JsonPointer at = parent.child(name);
            switch (name) {
                case "dimensions":
                    int dimensions = in.stringMap(at);
                    b.dimensions(Map.of());
                    for (int i = 0; i < dimensions; i++) {
                        b.putDimension(in.key(i), in.value(i));
                    }
                    break;
                case "period":
                    Duration period = in.duration(at);
                    complete[0] &= period != null;
                    if (period != null) {
                        b.period(period);
                    }
                    break;
                case "evaluationPeriods":
                case "datapointsToAlarm":
                    Integer n = in.wholeInt(at, name, "Use a whole number of periods.");
                    complete[0] &= n != null;
                    if (n != null && name.equals("evaluationPeriods")) {
                        b.evaluationPeriods(n);
                    } else if (n != null) {
                        b.datapointsToAlarm(n);
                    }
                    break;
                case "comparison":
                    String text = in.string(at);
                    Comparison c = text == null ? null : Comparison.fromName(text);
                    if (text != null && c == null) {
                        in.badEnum(at, text, COMPARISONS);
                    }
                    complete[0] &= c != null;
                    if (c != null) {
                        b.comparison(c);
                    }
                    break;
                case "threshold":
                    Double threshold = in.real(at);
                    complete[0] &= threshold != null;
                    if (threshold != null) {
                        b.threshold(threshold);
                    }
                    break;
                default:
                    String value = in.string(at);
                    complete[0] &= value != null;
                    if (value != null) {
                        set(b, name, value);
                    }
                    break;
            }
        });
        if (!complete[0]) {
            return null;   // the field's own violation says why
        }
        try {
            return b.build();
        } catch (IllegalStateException | IllegalArgumentException e) {
            in.violations.add(Violation.error(CODE, path.toString(), "This metric alarm cannot be created: "
                    + e.getMessage() + ".", "A metric alarm needs name, namespace, metricName, comparison and threshold;"
                    + " see docs/dsl.md, \"Stop conditions from metrics\"."));
            return null;
        }
    }

    private static void set(MetricAlarm.Builder b, String name, String value) {
        switch (name) {
            case "name":
                b.name(value);
                break;
            case "namespace":
                b.namespace(value);
                break;
            case "metricName":
                b.metricName(value);
                break;
            case "statistic":
                b.statistic(value);
                break;
            default:
                b.treatMissingData(value);
                break;
        }
    }
}
