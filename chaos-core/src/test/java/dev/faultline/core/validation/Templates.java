package dev.faultline.core.validation;

import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;

/**
 * Test templates built from one small valid experiment, compute-node loss: stop 20% of the running
 * worker nodes for five minutes, stopped by an alarm.
 */
final class Templates {

    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/FisRole";
    static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx";
    static final String TARGET = "WorkerNodes";
    static final String ACTION = "StopNodes";

    private Templates() {}

    /** The worker-node target: EC2 instances tagged Role=WorkerNode that are running, 20% of them. */
    static TemplateTarget workerNodes() {
        return TemplateTarget.builder()
                .resourceType("aws:ec2:instance")
                .putResourceTag("Role", "WorkerNode")
                .addFilter(Filter.of("State.Name", "running"))
                .selectionMode(SelectionMode.percent(20))
                .build();
    }

    /** The stop action: stops the worker nodes and starts them again after five minutes. */
    static Action stopNodes() {
        return Action.builder()
                .actionId("aws:ec2:stop-instances")
                .description("Stop a fifth of the worker nodes")
                .putParameter("startInstancesAfterDuration", "PT5M")
                .putTarget("Instances", TARGET)
                .build();
    }

    /** The valid base experiment. */
    static Experiment base() {
        return builder().build();
    }

    /** A builder holding the base experiment, to change one thing. */
    static Experiment.Builder builder() {
        return Experiment.builder()
                .description("Compute node loss: stop 20% of the worker nodes for five minutes")
                .roleArn(ROLE_ARN)
                .addStopCondition(StopCondition.alarm(ALARM_ARN))
                .putTarget(TARGET, workerNodes())
                .putAction(ACTION, stopNodes());
    }

    /** The base with its one target changed. */
    static Experiment withTarget(UnaryOperator<TemplateTarget.Builder> change) {
        return builder().putTarget(TARGET, change.apply(TemplateTarget.builder().from(workerNodes())).build()).build();
    }

    /** The base with its one action changed. */
    static Experiment withAction(UnaryOperator<Action.Builder> change) {
        return builder().putAction(ACTION, change.apply(Action.builder().from(stopNodes())).build()).build();
    }

    /** An action that waits the given ISO-8601 duration. */
    static Action waitFor(String duration, String... startAfter) {
        return Action.builder().actionId("aws:fis:wait").putParameter("duration", duration).addStartAfter(startAfter).build();
    }

    /** Runs the standard validator. */
    static ValidationResult validate(Experiment e) {
        return Validator.standard().validate(e);
    }

    /** Runs one rule alone on the default catalog. */
    static List<Violation> check(ValidationRule rule, Experiment e) {
        List<Violation> out = new java.util.ArrayList<>();
        rule.check(e, ValidationContext.of(dev.faultline.core.catalog.Catalog.defaultCatalog()), out);
        return out;
    }

    /**
     * The one violation with a code, checked for its severity and path; fails the test when there is
     * none, more than one, or it differs.
     */
    static Violation one(ValidationResult result, String code, Severity severity, String path) {
        return one(result.violations(), code, severity, path);
    }

    /** The one violation with a code in a list, checked for its severity and path. */
    static Violation one(List<Violation> violations, String code, Severity severity, String path) {
        Violation v = only(violations, code);
        Assertions.assertThat(v.severity()).as("severity of %s", v).isEqualTo(severity);
        Assertions.assertThat(v.path()).as("path of %s", v).isEqualTo(path);
        return v;
    }

    /** The one violation with a code, failing the test when there is none or more than one. */
    static Violation only(List<Violation> violations, String code) {
        List<Violation> found = violations.stream().filter(v -> v.code().equals(code)).collect(Collectors.toList());
        Assertions.assertThat(found).as("violations with code %s among %s", code, violations).hasSize(1);
        return found.get(0);
    }

    /** The one violation with a code in a result. */
    static Violation only(ValidationResult result, String code) {
        return only(result.violations(), code);
    }
}
