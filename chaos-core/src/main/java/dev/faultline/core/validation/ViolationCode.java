package dev.faultline.core.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of violation codes: every code the reader, the rules, the policies and the
 * importers emit is declared here once, with its {@linkplain #area() area}, its
 * {@linkplain #severity() default severity}, a one-line {@linkplain #meaning() meaning} and its
 * {@linkplain #fix() fix} (the texts live in {@code violation-codes.properties} beside this class).
 * A code is {@code <area>.<name>}, lowercase words joined by hyphens
 * around exactly one dot ({@link #GRAMMAR}); the name ends in a suffix that says the kind of
 * problem ({@code -missing}, {@code -unknown}, {@code -range}, {@code -type}, {@code -format},
 * {@code -too-long}, {@code -too-many}, ...). docs/validation.md describes each one and maps the
 * codes of earlier releases to these.
 *
 * <pre>{@code
 * ViolationCode.find("parameter.unknown").map(ViolationCode::fix).ifPresent(System.out::println);
 * }</pre>
 */
public enum ViolationCode {

    /** The text is not JSON: a syntax error, an empty document, or content after the closing brace. */
    JSON_DOCUMENT_FORMAT("json.document-format", Severity.ERROR),
    /** A value has the wrong JSON type (a number where FIS expects a string, null, an unparseable period or timestamp). */
    JSON_VALUE_TYPE("json.value-type", Severity.ERROR),
    /** A whole-number field is negative or larger than the field allows. */
    JSON_VALUE_RANGE("json.value-range", Severity.ERROR),
    /** The field does not exist at this level; FIS rejects unknown members. */
    JSON_FIELD_UNKNOWN("json.field-unknown", Severity.ERROR),
    /** A field, or a key of a map, appears twice in one object; the last value wins. */
    JSON_FIELD_DUPLICATE("json.field-duplicate", Severity.WARNING),
    /** The file or stream could not be read. */
    JSON_READ_FAILED("json.read-failed", Severity.ERROR),
    /** The reader failed on this input: a Faultline bug. */
    JSON_READER_FAILED("json.reader-failed", Severity.ERROR),
    /** The document is larger than the reader's size limit (10 MiB unless set otherwise); it was not read further. */
    JSON_DOCUMENT_TOO_LARGE("json.document-too-large", Severity.ERROR),
    /** A value is not one of the allowed words. */
    TEMPLATE_VALUE_UNKNOWN("template.value-unknown", Severity.ERROR),
    /** A rule threw an exception on this template; the other rules still ran. */
    TEMPLATE_RULE_FAILED("template.rule-failed", Severity.ERROR),
    /** A field FIS requires is missing. */
    TEMPLATE_FIELD_MISSING("template.field-missing", Severity.ERROR),
    /** A value is longer than FIS allows (in code points). */
    TEMPLATE_FIELD_TOO_LONG("template.field-too-long", Severity.ERROR),
    /** A value is shorter than FIS allows (in code points), for example empty. */
    TEMPLATE_FIELD_TOO_SHORT("template.field-too-short", Severity.ERROR),
    /** A value does not match FIS's pattern for the field (only whitespace, or a forbidden character). */
    TEMPLATE_FIELD_FORMAT("template.field-format", Severity.ERROR),
    /** There are more than 50 tags. */
    TEMPLATE_TAGS_TOO_MANY("template.tags-too-many", Severity.ERROR),
    /** A tag key starts with the reserved prefix aws:. */
    TEMPLATE_TAG_RESERVED("template.tag-reserved", Severity.ERROR),
    /** A value holds an unresolved placeholder ($&#123;...&#125;, &#123;&#123;...&#125;&#125;, &lt;...&gt;), so it cannot be checked offline. */
    TEMPLATE_PLACEHOLDER_UNRESOLVED("template.placeholder-unresolved", Severity.WARNING),
    /** A field of Faultline's own (name, hypothesis, target account configurations, GetExperimentTemplate metadata) that aws fis create-experiment-template --cli-input-json rejects. */
    TEMPLATE_FIELD_FAULTLINE_ONLY("template.field-faultline-only", Severity.WARNING),
    /** The stop condition list is empty, so nothing stops the experiment early. */
    STOP_CONDITION_LIST_EMPTY("stop-condition.list-empty", Severity.WARNING),
    /** A metric stop condition's alarm definition cannot be created by CloudWatch. */
    STOP_CONDITION_METRIC_ALARM_INVALID("stop-condition.metric-alarm-invalid", Severity.ERROR),
    /** A FIS request needs alarm ARNs; a metric stop condition has no alarm until one is created. */
    STOP_CONDITION_ALARM_ARN_MISSING("stop-condition.alarm-arn-missing", Severity.ERROR),
    /** The stop condition's source is neither aws:cloudwatch:alarm nor none. */
    STOP_CONDITION_SOURCE_UNKNOWN("stop-condition.source-unknown", Severity.ERROR),
    /** A stop condition with source none has a value, which FIS ignores. */
    STOP_CONDITION_VALUE_IGNORED("stop-condition.value-ignored", Severity.WARNING),
    /** A none stop condition sits beside alarm stop conditions; it adds nothing. */
    STOP_CONDITION_NONE_CONFLICT("stop-condition.none-conflict", Severity.WARNING),
    /** There are more stop conditions than FIS allows per template. */
    QUOTA_STOP_CONDITIONS_TOO_MANY("quota.stop-conditions-too-many", Severity.ERROR),
    /** There are more actions than FIS allows per template. */
    QUOTA_ACTIONS_TOO_MANY("quota.actions-too-many", Severity.ERROR),
    /** There are more target account configurations than FIS allows. */
    QUOTA_TARGET_ACCOUNTS_TOO_MANY("quota.target-accounts-too-many", Severity.ERROR),
    /** A target may select more resources than FIS allows for this action. */
    QUOTA_ACTION_TARGETS_TOO_MANY("quota.action-targets-too-many", Severity.WARNING),
    /** More actions run at the same time than FIS allows. */
    QUOTA_PARALLEL_ACTIONS_TOO_MANY("quota.parallel-actions-too-many", Severity.ERROR),
    /** The experiment runs longer than FIS allows (12 hours). */
    QUOTA_DURATION_TOO_LONG("quota.duration-too-long", Severity.ERROR),
    /** One action runs longer than FIS allows (12 hours). */
    QUOTA_ACTION_DURATION_TOO_LONG("quota.action-duration-too-long", Severity.ERROR),
    /** A target lists more resource ARNs than FIS allows. */
    TARGET_ARNS_TOO_MANY("target.arns-too-many", Severity.ERROR),
    /** A target has both resource ARNs and resource tags. */
    TARGET_ARNS_TAGS_CONFLICT("target.arns-tags-conflict", Severity.ERROR),
    /** A target has both resource ARNs and filters. */
    TARGET_ARNS_FILTERS_CONFLICT("target.arns-filters-conflict", Severity.ERROR),
    /** A target has no resource ARNs, tags, filters or parameters to pick its resources. */
    TARGET_IDENTIFICATION_MISSING("target.identification-missing", Severity.ERROR),
    /** The selection mode is not ALL, COUNT(n) or PERCENT(n). */
    TARGET_SELECTION_MODE_FORMAT("target.selection-mode-format", Severity.ERROR),
    /** The selection mode's number is out of range: COUNT below 1, PERCENT outside 1..100. */
    TARGET_SELECTION_MODE_RANGE("target.selection-mode-range", Severity.ERROR),
    /** A target parameter holds a comma, which FIS's documentation and API model treat differently. */
    TARGET_PARAMETER_COMMA_AMBIGUOUS("target.parameter-comma-ambiguous", Severity.WARNING),
    /** A filter path does not match the resource's API field names (their case). */
    TARGET_FILTER_PATH_FORMAT("target.filter-path-format", Severity.WARNING),
    /** A filter selects on tags, which resourceTags do. */
    TARGET_FILTER_PATH_MISUSED("target.filter-path-misused", Severity.WARNING),
    /** The resource type is not in the catalog. */
    TARGET_RESOURCE_TYPE_UNKNOWN("target.resource-type-unknown", Severity.ERROR),
    /** The resource type is a legacy name. */
    TARGET_RESOURCE_TYPE_DEPRECATED("target.resource-type-deprecated", Severity.WARNING),
    /** The resource type cannot be identified this way (by ARNs, tags, filters or parameters). */
    TARGET_IDENTIFICATION_MISMATCH("target.identification-mismatch", Severity.ERROR),
    /** The resource type has no such target parameter. */
    TARGET_PARAMETER_UNKNOWN("target.parameter-unknown", Severity.ERROR),
    /** A required target parameter is missing. */
    TARGET_PARAMETER_MISSING("target.parameter-missing", Severity.ERROR),
    /** A target parameter value has the wrong type. */
    TARGET_PARAMETER_TYPE("target.parameter-type", Severity.ERROR),
    /** A target parameter value is out of range. */
    TARGET_PARAMETER_RANGE("target.parameter-range", Severity.ERROR),
    /** A target parameter value is not one of its allowed values. */
    TARGET_PARAMETER_VALUE_UNKNOWN("target.parameter-value-unknown", Severity.ERROR),
    /** A target parameter value is not in its format (an ISO-8601 duration). */
    TARGET_PARAMETER_FORMAT("target.parameter-format", Severity.ERROR),
    /** A resource ARN is not of the target's resource type. */
    TARGET_ARN_TYPE_MISMATCH("target.arn-type-mismatch", Severity.ERROR),
    /** No action uses the target. */
    TARGET_UNUSED("target.unused", Severity.WARNING),
    /** An action names a target the template does not define. */
    ACTION_TARGET_UNKNOWN("action.target-unknown", Severity.ERROR),
    /** The action id is not in the catalog; FIS answers ResourceNotFoundException. */
    ACTION_ID_UNKNOWN("action.id-unknown", Severity.ERROR),
    /** The action is deprecated. */
    ACTION_ID_DEPRECATED("action.id-deprecated", Severity.WARNING),
    /** The action needs a target and has none. */
    ACTION_TARGETS_MISSING("action.targets-missing", Severity.ERROR),
    /** A target key the action requires is missing. */
    ACTION_TARGET_KEY_MISSING("action.target-key-missing", Severity.ERROR),
    /** The action has no such target key. */
    ACTION_TARGET_KEY_UNKNOWN("action.target-key-unknown", Severity.ERROR),
    /** The target's resource type does not fit the action's target key. */
    ACTION_TARGET_TYPE_MISMATCH("action.target-type-mismatch", Severity.ERROR),
    /** The action has no such parameter. */
    PARAMETER_UNKNOWN("parameter.unknown", Severity.ERROR),
    /** A required action parameter is missing. */
    PARAMETER_MISSING("parameter.missing", Severity.ERROR),
    /** The parameter does nothing without another one. */
    PARAMETER_INEFFECTIVE("parameter.ineffective", Severity.WARNING),
    /** An action parameter value has the wrong type. */
    PARAMETER_TYPE("parameter.type", Severity.ERROR),
    /** An action parameter value is out of range. */
    PARAMETER_RANGE("parameter.range", Severity.ERROR),
    /** An action parameter value is not one of its allowed values. */
    PARAMETER_VALUE_UNKNOWN("parameter.value-unknown", Severity.ERROR),
    /** An action parameter value is not in its format (an ISO-8601 duration). */
    PARAMETER_FORMAT("parameter.format", Severity.ERROR),
    /** documentParameters is not a JSON object. */
    PARAMETER_DOCUMENT_JSON_FORMAT("parameter.document-json-format", Severity.ERROR),
    /** The SSM document has no such parameter. */
    PARAMETER_DOCUMENT_UNKNOWN("parameter.document-unknown", Severity.ERROR),
    /** A required SSM document parameter is missing. */
    PARAMETER_DOCUMENT_MISSING("parameter.document-missing", Severity.ERROR),
    /** An SSM document parameter value has the wrong type. */
    PARAMETER_DOCUMENT_TYPE("parameter.document-type", Severity.ERROR),
    /** An SSM document parameter value is out of range. */
    PARAMETER_DOCUMENT_RANGE("parameter.document-range", Severity.ERROR),
    /** An SSM document parameter value is not one of its allowed values. */
    PARAMETER_DOCUMENT_VALUE_UNKNOWN("parameter.document-value-unknown", Severity.ERROR),
    /** An SSM document parameter value is not in its format (an ISO-8601 duration). */
    PARAMETER_DOCUMENT_FORMAT("parameter.document-format", Severity.ERROR),
    /** The log schema version is below 1. */
    LOG_SCHEMA_VERSION_RANGE("log.schema-version-range", Severity.ERROR),
    /** The log schema version is not the current one. */
    LOG_SCHEMA_VERSION_OUTDATED("log.schema-version-outdated", Severity.WARNING),
    /** The log configuration has no destination. */
    LOG_DESTINATION_MISSING("log.destination-missing", Severity.ERROR),
    /** The report configuration has no S3 output, so the report goes nowhere. */
    REPORT_OUTPUT_MISSING("report.output-missing", Severity.WARNING),
    /** A report pre- or post-experiment duration is not an ISO-8601 duration. */
    REPORT_DURATION_FORMAT("report.duration-format", Severity.ERROR),
    /** A report duration is zero or negative. */
    REPORT_DURATION_RANGE("report.duration-range", Severity.ERROR),
    /** Target account configurations in a single-account experiment. */
    ACCOUNT_CONFIGURATIONS_CONFLICT("account.configurations-conflict", Severity.ERROR),
    /** A multi-account experiment has no target account configurations. */
    ACCOUNT_CONFIGURATIONS_MISSING("account.configurations-missing", Severity.WARNING),
    /** Two target account configurations name the same account. */
    ACCOUNT_ID_DUPLICATE("account.id-duplicate", Severity.ERROR),
    /** The value is not an ARN. */
    ARN_FORMAT("arn.format", Severity.ERROR),
    /** The ARN's partition is not an AWS partition. */
    ARN_PARTITION_UNKNOWN("arn.partition-unknown", Severity.ERROR),
    /** The ARN's service is not a service namespace. */
    ARN_SERVICE_FORMAT("arn.service-format", Severity.ERROR),
    /** The ARN is of another service than the field takes. */
    ARN_SERVICE_MISMATCH("arn.service-mismatch", Severity.ERROR),
    /** The ARN's Region is missing, not a Region code, or present where the service has none. */
    ARN_REGION_FORMAT("arn.region-format", Severity.ERROR),
    /** The ARN's account ID is missing or not 12 digits, or not the account expected. */
    ARN_ACCOUNT_FORMAT("arn.account-format", Severity.ERROR),
    /** The ARN's resource part is missing or of the wrong kind. */
    ARN_RESOURCE_FORMAT("arn.resource-format", Severity.ERROR),
    /** startAfter names an action the template does not define. */
    GRAPH_REFERENCE_UNKNOWN("graph.reference-unknown", Severity.ERROR),
    /** An action starts after itself. */
    GRAPH_REFERENCE_SELF("graph.reference-self", Severity.ERROR),
    /** startAfter names the same action twice. */
    GRAPH_REFERENCE_DUPLICATE("graph.reference-duplicate", Severity.WARNING),
    /** The startAfter references form a cycle, so none of its actions can start. */
    GRAPH_CYCLE("graph.cycle", Severity.ERROR),
    /** The hypothesis has no steady-state condition. */
    HYPOTHESIS_CONDITION_MISSING("hypothesis.condition-missing", Severity.ERROR),
    /** The recovery window is negative. */
    HYPOTHESIS_RECOVERY_WINDOW_RANGE("hypothesis.recovery-window-range", Severity.ERROR),
    /** The statistic is not a CloudWatch statistic. */
    HYPOTHESIS_STATISTIC_FORMAT("hypothesis.statistic-format", Severity.ERROR),
    /** The period is not one CloudWatch accepts. */
    HYPOTHESIS_PERIOD_RANGE("hypothesis.period-range", Severity.ERROR),
    /** The condition has more dimensions than CloudWatch allows. */
    HYPOTHESIS_DIMENSIONS_TOO_MANY("hypothesis.dimensions-too-many", Severity.ERROR),
    /** The condition is checked in no phase. */
    HYPOTHESIS_PHASE_MISSING("hypothesis.phase-missing", Severity.WARNING),
    /** A target selects a larger percentage than the policy allows. */
    POLICY_MAX_PERCENT("policy.max-percent", Severity.ERROR),
    /** A target selects more resources than the policy allows. */
    POLICY_MAX_COUNT("policy.max-count", Severity.ERROR),
    /** A target selects ALL of the resources chosen by tags. */
    POLICY_ALL_ON_TAGS("policy.all-on-tags", Severity.ERROR),
    /** The policy requires an alarm stop condition. */
    POLICY_ALARM_REQUIRED("policy.alarm-required", Severity.ERROR),
    /** The policy requires a steady-state hypothesis. */
    POLICY_HYPOTHESIS_REQUIRED("policy.hypothesis-required", Severity.ERROR),
    /** The experiment runs longer than the policy allows. */
    POLICY_MAX_DURATION("policy.max-duration", Severity.ERROR),
    /** The policy forbids irreversible actions. */
    POLICY_IRREVERSIBLE_ACTION("policy.irreversible-action", Severity.ERROR),
    /** The policy forbids irreversible actions and this action's reversibility is not known. */
    POLICY_REVERSIBILITY_UNKNOWN("policy.reversibility-unknown", Severity.WARNING),
    /** The action matches none of the policy's allowed actions. */
    POLICY_ACTION_NOT_ALLOWED("policy.action-not-allowed", Severity.ERROR),
    /** The action matches one of the policy's forbidden actions. */
    POLICY_ACTION_FORBIDDEN("policy.action-forbidden", Severity.ERROR),
    /** The template lacks a tag the policy requires. */
    POLICY_TAG_REQUIRED("policy.tag-required", Severity.ERROR),
    /** An ARN names an account the policy does not allow. */
    POLICY_ACCOUNT("policy.account", Severity.ERROR),
    /** An ARN names a Region the policy does not allow. */
    POLICY_REGION("policy.region", Severity.ERROR),
    /** The policy could not be checked on this template: a Faultline bug. */
    POLICY_CHECK_FAILED("policy.check-failed", Severity.ERROR),
    /** The CloudFormation document cannot be read. */
    CFN_DOCUMENT_FORMAT("cfn.document-format", Severity.ERROR),
    /** The CloudFormation document has no Resources. */
    CFN_RESOURCES_MISSING("cfn.resources-missing", Severity.ERROR),
    /** The document has no AWS::FIS::ExperimentTemplate resource (or not the one asked for). */
    CFN_EXPERIMENT_MISSING("cfn.experiment-missing", Severity.ERROR),
    /** The experiment template resource has no Properties. */
    CFN_PROPERTIES_MISSING("cfn.properties-missing", Severity.ERROR),
    /** An intrinsic function is resolved by CloudFormation at deploy time, so it is imported as a placeholder. */
    CFN_INTRINSIC_UNRESOLVED("cfn.intrinsic-unresolved", Severity.WARNING),
    /** The file is empty. */
    INPUT_FILE_EMPTY("input.file-empty", Severity.ERROR),
    /** The file is none of the formats read: FIS JSON or YAML, CloudFormation JSON or YAML. */
    INPUT_FORMAT_UNKNOWN("input.format-unknown", Severity.ERROR),
    /** {@code FILE#LogicalId} names no experiment template resource of the CloudFormation file. */
    INPUT_RESOURCE_UNKNOWN("input.resource-unknown", Severity.ERROR),
    /** A CloudFormation template is larger than its 1 MB limit. */
    INPUT_FILE_TOO_LARGE("input.file-too-large", Severity.ERROR),
    /** CloudFormation over 51,200 bytes cannot be passed inline; it must be deployed from S3. */
    INPUT_INLINE_TOO_LARGE("input.inline-too-large", Severity.WARNING);

    /** The grammar every code follows: {@code <area>.<name>}, lowercase words joined by hyphens. */
    public static final String GRAMMAR = "^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$";

    private static final Map<String, ViolationCode> BY_CODE;

    static {
        Map<String, ViolationCode> all = new LinkedHashMap<>();
        for (ViolationCode c : values()) {
            all.put(c.code, c);
        }
        BY_CODE = Collections.unmodifiableMap(all);
    }

    private final String code;
    private final ViolationArea area;
    private final Severity severity;

    ViolationCode(String code, Severity severity) {
        this.code = code;
        this.area = ViolationArea.of(code.substring(0, code.indexOf('.')));
        this.severity = severity;
    }

    /**
     * Finds the declaration of a code.
     *
     * @param code the code, such as {@code parameter.unknown}
     * @return its declaration, or empty if no such code is declared
     */
    public static Optional<ViolationCode> find(String code) {
        return Optional.ofNullable(BY_CODE.get(Objects.requireNonNull(code, "code")));
    }

    /**
     * The code as it appears in a {@link Violation}, such as {@code parameter.unknown}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * The area: the part of the template (or the step) the code is about.
     *
     * @return the area
     */
    public ViolationArea area() {
        return area;
    }

    /**
     * The severity the code is reported with.
     *
     * @return the default severity
     */
    public Severity severity() {
        return severity;
    }

    /**
     * What the code means, in one line.
     *
     * @return the meaning
     */
    public String meaning() {
        return CodeTexts.text(code + ".meaning");
    }

    /**
     * How to fix what the code reports, in one line.
     *
     * @return the fix
     */
    public String fix() {
        return CodeTexts.text(code + ".fix");
    }

    @Override
    public String toString() {
        return code;
    }
}
