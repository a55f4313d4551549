package dev.faultline.core.policy;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Experiments the policy tests start from. */
final class Experiments {

    static final String ACCOUNT = "112233445566";
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/EnterpriseFISExecutionRole";
    static final String ALARM = "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:App5xx";

    private Experiments() {}

    /**
     * Compute node loss: stop 20% of the EC2 worker nodes for five minutes, with an alarm stop
     * condition and a hypothesis; no template tags.
     */
    static Experiment computeNodeLoss() {
        return Experiment.builder()
                .name("compute-node-loss")
                .description("Stop 20% of the worker nodes for five minutes")
                .roleArn(ROLE)
                .putTarget("workers", workers(SelectionMode.percent(20)).build())
                .putAction("stop-workers", Action.builder()
                        .actionId("aws:ec2:stop-instances")
                        .putParameter("startInstancesAfterDuration", "PT5M")
                        .putTarget("Instances", "workers")
                        .build())
                .addStopCondition(StopCondition.alarm(ALARM))
                .hypothesis(Hypothesis.builder()
                        .description("payment 5xx stays under 5 a minute")
                        .addCondition(SteadyStateCondition.builder()
                                .name("payment-5xx")
                                .namespace("AWS/ApplicationELB")
                                .metricName("HTTPCode_Target_5XX_Count")
                                .putDimension("TargetGroup", "targetgroup/prod-payment-tg/a1b2c3d4e5f6")
                                .statistic("Sum")
                                .period(Duration.ofMinutes(1))
                                .comparison(Comparison.LessThanThreshold)
                                .threshold(5.0)
                                .build())
                        .build())
                .build();
    }

    /** The worker target: running EC2 instances tagged Role=WorkerNode. */
    static TemplateTarget.Builder workers(SelectionMode mode) {
        return TemplateTarget.builder()
                .resourceType("aws:ec2:instance")
                .putResourceTag("Role", "WorkerNode")
                .addFilter(Filter.of("State.Name", "running"))
                .selectionMode(mode);
    }

    /** {@link #computeNodeLoss()} with one target replaced. */
    static Experiment withWorkers(TemplateTarget workers) {
        return Experiment.builder().from(computeNodeLoss()).putTarget("workers", workers).build();
    }

    /** The AZ power interruption scenario in us-east-1a, with an alarm stop condition. */
    static Experiment azPowerInterruption() {
        return TemplateJson.parse(resource("/policy/az-power-interruption.json"));
    }

    static String resource(String name) {
        try (InputStream in = Experiments.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
