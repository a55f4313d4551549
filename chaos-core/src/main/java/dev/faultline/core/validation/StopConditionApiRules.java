package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.catalog.Suggestions;
import dev.faultline.core.layout.CollectionField;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import java.util.List;
import java.util.Optional;

/** The stop-condition section of the API rules: required source and alarm ARN, the two sources FIS accepts, and the quota on stop conditions. */
final class StopConditionApiRules {

    private static final JsonPointer STOP_CONDITIONS = JsonPointer.parse("/stopConditions");
    private static final List<String> SOURCES = List.of(StopCondition.SOURCE_NONE, StopCondition.SOURCE_ALARM);

    private StopConditionApiRules() {}

    static void stopConditions(Experiment e, ValidationContext context, List<Violation> out) {
        List<StopCondition> conditions = e.stopConditions();
        if (conditions.isEmpty()) {
            // the model cannot tell [] from no list; FIS can (the list is a required member)
            if (context.layout().keptEmpty(CollectionField.STOP_CONDITIONS)) {
                out.add(Violation.warning(ViolationCode.STOP_CONDITION_LIST_EMPTY, "/stopConditions",
                        "The stop condition list is empty; FIS documents [{\"source\": \"none\"}] for no stop condition.",
                        "Add an alarm stop condition, or write [{\"source\": \"none\"}]."));
            } else {
                out.add(Violation.error(ViolationCode.TEMPLATE_FIELD_MISSING, "/stopConditions", "The stop condition list is required.",
                        "Add \"stopConditions\": an alarm, or [{\"source\": \"none\"}]."));
            }
            return;
        }
        if (conditions.size() > ApiRules.MAX_STOP_CONDITIONS) {
            out.add(Violation.error(ViolationCode.QUOTA_STOP_CONDITIONS_TOO_MANY, "/stopConditions",
                    "The template has " + conditions.size() + " stop conditions; FIS allows at most "
                            + ApiRules.MAX_STOP_CONDITIONS + " (quota L-872EC72B, not adjustable).",
                    "Combine alarms into a composite CloudWatch alarm."));
        }
        boolean none = false;
        boolean alarm = false;
        for (int i = 0; i < conditions.size(); i++) {
            int kind = condition(conditions.get(i), i, context, out);
            alarm |= kind == ALARM;
            none |= kind == NONE;
        }
        if (none && alarm) {
            out.add(Violation.warning(ViolationCode.STOP_CONDITION_NONE_CONFLICT, "/stopConditions",
                    "The list mixes \"none\" with alarm stop conditions.", "Remove the \"none\" entry."));
        }
    }

    /** What {@link #condition} returns for a stop condition on an alarm. */
    private static final int ALARM = 1;
    /** What {@link #condition} returns for a stop condition with source "none". */
    private static final int NONE = 2;

    /** One stop condition, its path built only for a violation; returns {@link #ALARM}, {@link #NONE}, or 0 for another or no source. */
    private static int condition(StopCondition c, int i, ValidationContext context, List<Violation> out) {
        String source = context.source(c).orElse(null); // read once for every rule: each call of a model accessor makes an Optional
        if (source == null) {
            required(Optional.empty(), STOP_CONDITIONS.child(i), "source", "The stop condition source",
                    "Use \"aws:cloudwatch:alarm\" with the alarm ARN as value, or \"none\".", out);
            return 0;
        }
        if (!Checks.fits(source, 1, 64)) {
            length(source, 1, 64, STOP_CONDITIONS.child(i), "source", "The source", out);
        }
        if (StopCondition.SOURCE_ALARM.equals(source)) {
            String value = context.value(c).orElse(null);
            if (value == null) {
                required(Optional.empty(), STOP_CONDITIONS.child(i), "value", "The alarm ARN of an alarm stop condition",
                        "Set \"value\" to arn:aws:cloudwatch:<region>:<account>:alarm:<name>.", out);
            } else if (!Checks.fits(value, 20, 2048)) {
                length(value, 20, 2048, STOP_CONDITIONS.child(i), "value", "The alarm ARN", out);
            }
            return ALARM;
        } else if (StopCondition.SOURCE_NONE.equals(source)) {
            if (context.value(c).orElse(null) != null) {
                out.add(Violation.warning(ViolationCode.STOP_CONDITION_VALUE_IGNORED, append(STOP_CONDITIONS.child(i), "value").toString(),
                        "A stop condition with source \"none\" takes no value; it is ignored.",
                        "Remove the value, or use source \"aws:cloudwatch:alarm\"."));
            }
            return NONE;
        } else {
            List<String> near = Suggestions.nearest(source, SOURCES, 1);
            out.add(Violation.error(ViolationCode.STOP_CONDITION_SOURCE_UNKNOWN, append(STOP_CONDITIONS.child(i), "source").toString(),
                    "'" + source + "' is not a stop condition source; FIS accepts only \"aws:cloudwatch:alarm\" and \"none\".",
                    near.isEmpty() ? "Use \"aws:cloudwatch:alarm\" with the alarm ARN as value."
                            : "Did you mean '" + near.get(0) + "'?"));
        }
        return 0;
    }
}
