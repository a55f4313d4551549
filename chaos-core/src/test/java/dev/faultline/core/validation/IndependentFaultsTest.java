package dev.faultline.core.validation;

import static dev.faultline.core.validation.Severity.ERROR;
import static dev.faultline.core.validation.Severity.WARNING;
import static dev.faultline.core.validation.Templates.builder;
import static dev.faultline.core.validation.Templates.one;
import static dev.faultline.core.validation.Templates.validate;
import static dev.faultline.core.validation.Templates.withTarget;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Independent faults are reported in one pass: a first fault in a section does not hide a
 * second one the first says nothing about (docs/validation.md, "One pass").
 */
class IndependentFaultsTest {

    @Test
    void misspeltTargetKey_doesNotHideATargetNoKeyOfTheActionTakes() {
        ValidationResult r = validate(builder()
                .putTarget("Subnets", TemplateTarget.builder().resourceType("aws:ec2:subnet").putResourceTag("Tier", "app")
                        .selectionMode(SelectionMode.all()).build())
                .putAction("StopNodes", Action.builder().actionId("aws:ec2:stop-instances").putTarget("Instance", "Subnets").build())
                .build());
        one(r, "action.target-key-unknown", ERROR, "/actions/StopNodes/targets/Instance");
        Violation v = one(r, "action.target-type-mismatch", ERROR, "/actions/StopNodes/targets/Instance");
        assertThat(v.message()).contains("aws:ec2:subnet");
        assertThat(v.hint()).hasValueSatisfying(h -> assertThat(h).contains("'Instances'", "aws:ec2:instance"));
    }

    @Test
    void misspeltTargetKey_withATargetTheActionTakes_isOneFault() {
        ValidationResult r = validate(Templates.withAction(a -> a.targets(java.util.Map.of("Instance", Templates.TARGET))));
        one(r, "action.target-key-unknown", ERROR, "/actions/StopNodes/targets/Instance");
        assertThat(r.violations()).extracting(Violation::code).doesNotContain("action.target-type-mismatch");
    }

    @Test
    void unknownResourceType_doesNotHideTheActionsTargetQuota() {
        ValidationResult r = validate(withTarget(t -> t.resourceType("aws:ec2:instanc").selectionMode(SelectionMode.count(6))));
        one(r, "target.resource-type-unknown", ERROR, "/targets/WorkerNodes/resourceType");
        one(r, "quota.action-targets-too-many", WARNING, "/targets/WorkerNodes");
    }

    @Test
    void missingResourceType_doesNotHideTheActionsTargetQuota() {
        ValidationResult r = validate(withTarget(t -> t.resourceType(Optional.empty()).selectionMode(SelectionMode.count(6))));
        one(r, "template.field-missing", ERROR, "/targets/WorkerNodes/resourceType");
        one(r, "quota.action-targets-too-many", WARNING, "/targets/WorkerNodes");
    }

    @Test
    void filterPath_andFilterValues_areCheckedApart() {
        ValidationResult r = validate(withTarget(t -> t.filters(List.of(Filter.builder().path("Tags.Name").build()))));
        one(r, "target.filter-path-misused", WARNING, "/targets/WorkerNodes/filters/0/path");
        one(r, "template.field-missing", ERROR, "/targets/WorkerNodes/filters/0/values");
    }

    @Test
    void badSelectionMode_doesNotHideTooManyArns() {
        ValidationResult r = validate(withTarget(t -> t.resourceTags(Map.of()).filters(List.of())
                .selectionMode(SelectionMode.of("SOME(3)")).resourceArns(List.of(ARN + 1, ARN + 2, ARN + 3, ARN + 4, ARN + 5, ARN + 6))));
        one(r, "target.selection-mode-format", ERROR, "/targets/WorkerNodes/selectionMode");
        one(r, "target.arns-too-many", ERROR, "/targets/WorkerNodes/resourceArns");
    }

    @Test
    void logDestination_doesNotHideTheSchemaVersion() {
        ValidationResult r = validate(builder().logConfiguration(LogConfiguration.builder().logSchemaVersion(0).build()).build());
        one(r, "log.schema-version-range", ERROR, "/logConfiguration/logSchemaVersion");
        one(r, "log.destination-missing", ERROR, "/logConfiguration");
    }

    private static final String ARN = "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef";
}
