package dev.faultline.core.validation;

import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.util.List;

/**
 * Faultline's steady-state hypothesis: each condition names a CloudWatch metric, a valid
 * statistic and period, a comparison and a threshold.
 */
final class HypothesisRules implements ValidationRule {

    private static final List<String> STATISTICS = List.of("Sum", "Average", "Minimum", "Maximum", "SampleCount");
    private static final int MAX_DIMENSIONS = 30;

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        if (e.hypothesis().isEmpty()) {
            return;
        }
        Hypothesis h = e.hypothesis().get();
        if (h.conditions().isEmpty()) {
            out.add(Violation.error(ViolationCode.HYPOTHESIS_CONDITION_MISSING, "/hypothesis/conditions",
                    "The hypothesis has no steady-state condition.", "Add a metric condition, or remove the hypothesis."));
        }
        if (h.recoveryWindow().filter(d -> d.isNegative()).isPresent()) {
            out.add(Violation.error(ViolationCode.HYPOTHESIS_RECOVERY_WINDOW_RANGE, "/hypothesis/recoveryWindow",
                    "The recovery window is negative.", "Use a positive duration such as PT5M."));
        }
        for (int i = 0; i < h.conditions().size(); i++) {
            condition(h.conditions().get(i), append("/hypothesis/conditions", i), out);
        }
    }

    private static void condition(SteadyStateCondition c, String at, List<Violation> out) {
        Checks.required(c.namespace(), append(at, "namespace"), "The metric namespace",
                "Set the CloudWatch namespace, for example AWS/ApplicationELB.", out);
        Checks.required(c.metricName(), append(at, "metricName"), "The metric name",
                "Set the metric, for example HTTPCode_Target_5XX_Count.", out);
        String statistic = Checks.required(c.statistic(), append(at, "statistic"), "The statistic",
                "Use Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99.", out);
        if (statistic != null && !STATISTICS.contains(statistic) && !isPercentile(statistic)) {
            out.add(Violation.error(ViolationCode.HYPOTHESIS_STATISTIC_FORMAT, append(at, "statistic"),
                    "'" + statistic + "' is not a CloudWatch statistic.",
                    "Use Sum, Average, Minimum, Maximum, SampleCount or a percentile such as p99."));
        }
        if (c.comparison().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, append(at, "comparison"), "The comparison is required.",
                    "Use LessThanThreshold, GreaterThanThreshold or their OrEqualTo forms."));
        }
        if (c.threshold().isEmpty()) {
            out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, append(at, "threshold"), "The threshold is required.",
                    "Give the number the statistic is compared with."));
        }
        Duration period = c.period();
        long seconds = period.getSeconds();
        boolean valid = period.getNano() == 0 && (seconds == 1 || seconds == 5 || seconds == 10 || seconds == 30
                || seconds > 0 && seconds % 60 == 0);
        if (!valid) {
            out.add(Violation.error(ViolationCode.HYPOTHESIS_PERIOD_RANGE, append(at, "period"),
                    "A CloudWatch period of " + period + " is not allowed.",
                    "Use 1, 5, 10 or 30 seconds, or a multiple of 60 seconds such as PT1M."));
        }
        if (c.dimensions().size() > MAX_DIMENSIONS) {
            out.add(Violation.error(ViolationCode.HYPOTHESIS_DIMENSIONS_TOO_MANY, append(at, "dimensions"),
                    "CloudWatch allows at most 30 dimensions per metric.", "Remove dimensions."));
        }
        if (c.phases().isEmpty()) {
            out.add(Violation.warning(ViolationCode.HYPOTHESIS_PHASE_MISSING, append(at, "phases"),
                    "The condition is never checked: it has no phase.", "Add before, during or after."));
        }
    }

    /**
     * CloudWatch's extended statistics: percentiles and their trimmed, winsorized and counted
     * forms ({@code p99}, {@code tm90}, {@code wm99.5}, {@code tc90}, {@code ts90}), the same
     * with bounds ({@code TM(10%:90%)}, {@code PR(:300)}), and {@code IQM}.
     */
    private static boolean isPercentile(String s) {
        if (s.equals("IQM")) {
            return true;
        }
        for (String form : new String[] {"TM(", "WM(", "TC(", "TS(", "PR("}) {
            if (s.startsWith(form) && s.endsWith(")") && s.indexOf(':') > 0) {
                return true;
            }
        }
        for (String prefix : new String[] {"p", "tm", "wm", "tc", "ts"}) {
            if (s.startsWith(prefix) && s.length() > prefix.length()) {
                String number = s.substring(prefix.length());
                if (!number.matches("\\d{1,3}(\\.\\d{1,10})?")) {
                    return false;
                }
                double p = Double.parseDouble(number);
                return p >= 0 && p <= 100;
            }
        }
        return false;
    }
}
