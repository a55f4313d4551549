package dev.faultline.examples;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.testkit.AlarmState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SdkClients;
import java.io.PrintStream;
import java.time.Duration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * Runs the {@link ComputeNodeLoss} experiment through {@link FisEngine} against LocalFis, on a
 * clock that runs 600 times faster than real time: preflight, start, the live events, the
 * outcome and the hypothesis verdict. The same code runs against AWS with real clients.
 */
public final class RunAgainstLocalFis {

    private RunAgainstLocalFis() {}

    /**
     * Starts LocalFis with ten staging worker nodes, the stop-condition alarm and a quiet 5xx
     * metric, then runs the experiment to its end.
     *
     * @param out where the events and the outcome are printed
     * @return the outcome
     */
    public static RunOutcome run(PrintStream out) {
        Experiment experiment = ComputeNodeLoss.experimentDraft().build();
        try (LocalFis local = LocalFis.builder()
                        .account(Examples.ACCOUNT).region(Examples.REGION)
                        .clock(Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(100)))
                        .inventory(inv -> inv.ec2Instances(10, "Environment", "staging", "Role", "WorkerNode"))
                        .alarms(alarms -> alarms.create("Payment5xx"))
                        .start();
                FisAsyncClient fis = SdkClients.fis(local);
                CloudWatchAsyncClient cloudWatch = SdkClients.cloudWatch(local);
                FisEngine engine = FisEngine.builder()
                        .fis(fis).cloudWatch(cloudWatch)
                        .policy(SafetyPolicy.staging())
                        .clock(local.clock())
                        .config(EngineConfig.builder()
                                .pollInterval(Duration.ofMillis(100)).fastPollInterval(Duration.ofMillis(20))
                                .maxCallsPerSecond(200).build())
                        .build()) {
            local.alarms().setState("Payment5xx", AlarmState.OK, "No 5xx");
            quietFiveXx(local);
            RunOutcome outcome = engine.start(experiment)
                    .thenCompose(run -> run.onEvent(event -> out.println(event)).completion())
                    .join();
            out.println("Outcome: " + outcome);
            outcome.verdict().ifPresent(v -> out.println("Verdict: " + v));
            return outcome;
        }
    }

    /**
     * One 5xx a minute at every simulated time, well under the hypothesis's 5: a steady metric
     * rather than a series of fixed length, so a slow machine (on which more simulated time
     * passes before the checks read it) never reads past the end of the data.
     */
    private static void quietFiveXx(LocalFis local) {
        local.alarms().steadyMetric(MetricId.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
                "TargetGroup", "targetgroup/payment-tg/a1b2c3d4e5f6"), 1.0);
    }

    /**
     * Runs the experiment and prints what happens.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        run(System.out);
    }
}
