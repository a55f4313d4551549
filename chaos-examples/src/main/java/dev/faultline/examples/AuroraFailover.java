package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.rdsClusters;
import static dev.faultline.dsl.Chaos.waitFor;

import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Rds;
import java.time.Duration;

/** Aurora failover: after a five-minute baseline, fail over the orders cluster's writer in us-east-1a. */
public final class AuroraFailover {

    private AuroraFailover() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        return experiment("orders-aurora-failover")
                .description("Fail over the orders Aurora cluster after a five-minute baseline")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("OrdersErrors")))
                .logToCloudWatch("arn:aws:logs:" + Examples.REGION + ":" + Examples.ACCOUNT + ":log-group:/fis/orders")
                .action("baseline", waitFor(Duration.ofMinutes(5)))
                .then("failover", Rds.failoverDbCluster(
                        rdsClusters().tagged("App", "orders").writerIn("us-east-1a").all()));
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
