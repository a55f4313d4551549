package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Ssm;
import java.time.Duration;

/** CPU stress via SSM: load 80% of the CPU of a quarter of the API instances for ten minutes. */
public final class CpuStress {

    private CpuStress() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        return experiment("api-cpu-stress")
                .description("80% CPU load on a quarter of the API instances for ten minutes")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("ApiLatencyHigh")))
                .action("cpu-stress", Ssm.sendCommand(
                        ec2Instances().tagged("App", "api").running().percent(25),
                        Examples.REGION,
                        Ssm.runCpuStress().loadPercent(80).installDependencies(true),
                        Duration.ofMinutes(10)));
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
