package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.ecsTasks;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.dsl.Ecs;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Ssm;
import java.time.Duration;

/** Network latency: 300 ms towards DynamoDB for the checkout instances and tasks of one zone. */
public final class NetworkLatency {

    private NetworkLatency() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        Duration duration = Duration.ofMinutes(15);
        return experiment("checkout-dynamodb-latency")
                .description("300 ms of latency to DynamoDB for checkout in us-east-1a")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("CheckoutP99")))
                .action("instance-latency", Ssm.sendCommand(
                        ec2Instances().tagged("App", "checkout").running().inAvailabilityZone("us-east-1a").all(),
                        Examples.REGION,
                        Ssm.runNetworkLatencySources("DYNAMODB").delayMilliseconds(300).jitterMilliseconds(20),
                        duration))
                .action("task-latency", Ecs.taskNetworkLatency(
                        ecsTasks().tagged("App", "checkout").inAvailabilityZone("us-east-1a").all(), duration)
                        .delayMilliseconds(300).sources("DYNAMODB"));
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
