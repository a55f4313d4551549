package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The context remembers the optional fields of the last element asked about; asking about
 * elements in any order must give each one's own fields.
 */
class ValidationContextTest {

    private final ValidationContext context = ValidationContext.of(Catalog.defaultCatalog());

    @Test
    void actionIdAndDefinition_areEachActionsOwn_inAnyOrder() {
        Action stop = Action.builder().actionId("aws:ec2:stop-instances").build();
        Action reboot = Action.builder().actionId("aws:ec2:reboot-instances").build();
        Action none = Action.builder().build();
        Action unknown = Action.builder().actionId("aws:ec2:no-such-action").build();
        for (Action a : new Action[] {stop, reboot, stop, none, stop, unknown, reboot, reboot, none}) {
            assertThat(context.actionId(a)).isEqualTo(a.actionId()).isSameAs(context.actionId(a));
            assertThat(context.actionDefinition(a)).isEqualTo(
                    a.actionId().flatMap(id -> Catalog.defaultCatalog().action(id))).isSameAs(context.actionDefinition(a));
        }
    }

    @Test
    void resourceTypeAndSelectionMode_areEachTargetsOwn_inAnyOrder() {
        TemplateTarget web = TemplateTarget.builder().resourceType("aws:ec2:instance").selectionMode(SelectionMode.percent(20)).build();
        TemplateTarget db = TemplateTarget.builder().resourceType("aws:rds:db").selectionMode(SelectionMode.count(1)).build();
        TemplateTarget bare = TemplateTarget.builder().build();
        for (TemplateTarget t : new TemplateTarget[] {web, db, web, bare, db, db, web}) {
            assertThat(context.resourceType(t)).isEqualTo(t.resourceType());
            assertThat(context.selectionMode(t)).isEqualTo(t.selectionMode()).isSameAs(context.selectionMode(t));
            assertThat(context.resourceType(t)).isEqualTo(t.resourceType()).isSameAs(context.resourceType(t));
        }
    }

    @Test
    void sourceAndValue_areEachStopConditionsOwn_inAnyOrder() {
        StopCondition alarm = StopCondition.alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a");
        StopCondition other = StopCondition.alarm("arn:aws:cloudwatch:us-east-1:123456789012:alarm:b");
        StopCondition none = StopCondition.none();
        for (StopCondition c : new StopCondition[] {alarm, none, other, alarm, alarm, none, other}) {
            assertThat(context.source(c)).isEqualTo(c.source()).isSameAs(context.source(c));
            assertThat(context.value(c)).isEqualTo(c.value()).isSameAs(context.value(c));
        }
    }

    @Test
    void roleArnAndDurationBound_areEachExperimentsOwn() {
        Experiment five = experiment("arn:aws:iam::123456789012:role/A", "PT5M");
        Experiment hour = experiment("arn:aws:iam::123456789012:role/B", "PT1H");
        Experiment noRole = Experiment.builder().from(five).roleArn(java.util.Optional.empty()).build();
        for (Experiment e : new Experiment[] {five, hour, five, noRole, hour}) {
            assertThat(context.roleArn(e)).isEqualTo(e.roleArn()).isSameAs(context.roleArn(e));
            assertThat(context.durationBound(e)).isEqualTo(
                    dev.faultline.core.plan.ExperimentPlan.durationBound(e, Catalog.defaultCatalog()));
        }
        assertThat(context.durationBoundWithin(five, Duration.ofMinutes(5))).isTrue();
        assertThat(context.durationBoundWithin(five, Duration.ofSeconds(299, 999_999_999))).isFalse();
        assertThat(context.durationBoundWithin(hour, Duration.ofMinutes(5))).isFalse();
    }

    private static Experiment experiment(String role, String duration) {
        return Experiment.builder().roleArn(role)
                .putAction("stop", Action.builder().actionId("aws:ec2:stop-instances")
                        .putParameter("startInstancesAfterDuration", duration).build())
                .build();
    }
}
