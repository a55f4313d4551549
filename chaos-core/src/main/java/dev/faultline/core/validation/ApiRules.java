package dev.faultline.core.validation;

import static dev.faultline.core.validation.Checks.length;
import static dev.faultline.core.validation.Checks.nonBlank;
import static dev.faultline.core.validation.Checks.required;
import static dev.faultline.core.validation.JsonPointer.append;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.TemplateMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The constraints of FIS's CreateExperimentTemplate API (reference §2, §7, §12): required
 * fields, lengths in code points, cardinalities, target identification, selection modes,
 * stop-condition sources and the quotas on actions and stop conditions. This class checks the
 * template's own fields and tags and hands each section to its rules: {@link StopConditionApiRules},
 * {@link TargetApiRules}, {@link ActionApiRules} and {@link SettingsApiRules}.
 */
final class ApiRules implements ValidationRule {

    static final int MAX_ACTIONS = 20;
    static final int MAX_STOP_CONDITIONS = 5;
    static final int MAX_ARNS = 5;
    static final int MAX_TAGS = 50;
    static final int MAX_TARGET_ACCOUNTS = 10;

    private static final JsonPointer TAGS = JsonPointer.parse("/tags");

    @Override
    public void check(Experiment e, ValidationContext context, List<Violation> out) {
        String description = required(e.description(), "/description", "The template description",
                "Add a \"description\" of up to 512 characters.", out);
        length(description, 1, 512, "/description", "The description", out);
        String role = context.roleArn(e).orElse(null);
        if (role == null) {
            required(Optional.empty(), "/roleArn", "The IAM role ARN",
                    "Add \"roleArn\": the role FIS assumes to run the experiment.", out);
        }
        length(role, 20, 2048, "/roleArn", "The role ARN", out);
        tags(e.tags(), TAGS, true, out);
        StopConditionApiRules.stopConditions(e, context, out);
        TargetApiRules.targets(e, context, out);
        ActionApiRules.actions(e, context, out);
        // isPresent/get rather than ifPresent: a lambda capturing out would be allocated for every template
        if (e.logConfiguration().isPresent()) {
            SettingsApiRules.log(e.logConfiguration().get(), out);
        }
        if (e.experimentReportConfiguration().isPresent()) {
            SettingsApiRules.report(e.experimentReportConfiguration().get(), out);
        }
        SettingsApiRules.accounts(e, out);
        if (e.metadata().isPresent()) {
            TemplateMetadata m = e.metadata().get();
            length(m.id().orElse(null), 1, 64, "/id", "The template id", out);
            length(m.clientToken().orElse(null), 1, 1024, "/clientToken", "The client token", out);
        }
    }

    /** Tells whether {@link #name} reports nothing about a name, so that a caller need not build its path. */
    static boolean nameFits(String name) {
        return Checks.fits(name, 1, 64) && (name.isEmpty() || Checks.hasNonBlank(name));
    }

    static void name(String name, JsonPointer at, String what, List<Violation> out) {
        if (!Checks.fits(name, 1, 64)) {
            length(name, 1, 64, at, what + " '" + name + "'", out);
        }
        nonBlank(name, at, what, out);
    }

    /** Tells whether {@link #tags} reports nothing about a tag map, so that a caller need not build its path. */
    static boolean tagsFit(Map<String, String> tags, boolean own) {
        if (tags.size() > MAX_TAGS) {
            return false;
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (!tagFits(tag.getKey(), tag.getValue(), own)) {
                return false;
            }
        }
        return true;
    }

    private static boolean tagFits(String key, String value, boolean own) {
        return Checks.fits(key, 1, 128) && Checks.fits(value, 0, 256) && !(own && key.startsWith("aws:"));
    }

    /** Checks a tag map; only tags the template sets ({@code own}) may not use the reserved aws: prefix. */
    static void tags(Map<String, String> tags, JsonPointer at, boolean own, List<Violation> out) {
        if (tags.size() > MAX_TAGS) {
            out.add(Violation.error(ViolationCode.TEMPLATE_TAGS_TOO_MANY, at.toString(), "There are " + tags.size() + " tags; FIS allows at most "
                    + MAX_TAGS + ".", "Remove tags until 50 or fewer remain."));
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tagFits(tag.getKey(), tag.getValue(), own)) {
                continue; // the common case: no path to build
            }
            JsonPointer tat = append(at, tag.getKey());
            length(tag.getKey(), 1, 128, tat, "The tag key", out);
            length(tag.getValue(), 0, 256, tat, "The tag value", out);
            if (own && tag.getKey().startsWith("aws:")) {
                out.add(Violation.error(ViolationCode.TEMPLATE_TAG_RESERVED, tat.toString(), "Tag keys starting with 'aws:' are reserved by AWS.",
                        "Choose a key without the aws: prefix."));
            }
        }
    }
}
