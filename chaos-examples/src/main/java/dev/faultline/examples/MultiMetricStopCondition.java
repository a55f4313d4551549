package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.lambdaFunctions;
import static dev.faultline.dsl.Chaos.steadyState;

import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.dsl.Lambda;
import java.time.Duration;

/**
 * A multi-metric stop condition: three alarms (errors, latency, throttles) each stop the
 * experiment, and a hypothesis of two metrics says what must hold.
 */
public final class MultiMetricStopCondition {

    private MultiMetricStopCondition() {}

    /**
     * Builds the experiment.
     *
     * @return the experiment draft
     */
    public static ExperimentDraft experimentDraft() {
        return experiment("pricing-lambda-delay")
                .description("Delay half of the pricing function's invocations by two seconds")
                .role(Examples.ROLE)
                .stopWhen(alarm(Examples.alarmArn("PricingErrors")),
                        alarm(Examples.alarmArn("PricingLatencyP99")),
                        alarm(Examples.alarmArn("PricingThrottles")))
                .hypothesis("pricing stays correct and fast enough",
                        steadyState("errors under 1 a minute")
                                .metric("AWS/Lambda", "Errors").dimension("FunctionName", "pricing")
                                .sum().per(Duration.ofMinutes(1)).below(1),
                        steadyState("p99 duration under 3 s")
                                .metric("AWS/Lambda", "Duration").dimension("FunctionName", "pricing")
                                .percentile(99).per(Duration.ofMinutes(1)).below(3000))
                .action("delay", Lambda.invocationAddDelay(
                        lambdaFunctions().tagged("App", "pricing").qualifier("live").percent(50),
                        Duration.ofMinutes(10))
                        .invocationPercentage(50).startupDelayMilliseconds(2000));
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
