package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;

import dev.faultline.dsl.Ec2;
import dev.faultline.dsl.Ec2Instance;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Target;
import java.time.Duration;

/** Compute node loss: stop 20% of the running worker nodes and start them again after five minutes. */
public final class ComputeNodeLoss {

    private ComputeNodeLoss() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        Target<Ec2Instance> workers = ec2Instances()
                .tagged("Environment", "staging").tagged("Role", "WorkerNode")
                .running()
                .percent(20);
        return experiment("payment-worker-node-loss")
                .description("Stop 20% of the staging worker nodes for five minutes")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("Payment5xx")))
                .tag("Owner", "payments")
                .hypothesis(steadyState("payment 5xx stays under 5 a minute")
                        .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
                        .dimension("TargetGroup", "targetgroup/payment-tg/a1b2c3d4e5f6")
                        .sum().per(Duration.ofMinutes(1)).below(5))
                .action("stop-workers", Ec2.stopInstances(workers).restartAfter(Duration.ofMinutes(5)));
    }

    /**
     * Prints the experiment, its staging verdict and its FIS JSON.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Examples.print(experimentDraft(), System.out);
    }
}
