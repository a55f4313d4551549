package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Scenarios;
import java.time.Duration;

/** AZ power interruption: the FIS scenario for us-east-1a, 30 minutes, from the scenario library. */
public final class AzPowerInterruption {

    private AzPowerInterruption() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        ExperimentDraft base = experiment("az-power-interruption")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("RegionalHealth")))
                .tag("Owner", "platform");
        return Scenarios.azPowerInterruption(base, "us-east-1a", Duration.ofMinutes(30),
                "arn:aws:iam::" + Examples.ACCOUNT + ":role/AsgLaunchRole");
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
