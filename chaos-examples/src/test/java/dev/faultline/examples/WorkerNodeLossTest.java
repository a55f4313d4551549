package dev.faultline.examples;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Ec2;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFisExtension;
import dev.faultline.testkit.MetricId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole run against LocalFis. The clock is scaled, not manual: {@code engine.start(..).join()} waits on
 * this thread while the skip-all target preview and the run's polls need simulated time to pass, so a
 * manual clock would need a second thread to move it, which a recipe should not have to teach. The
 * engine runs on the same clock as LocalFis, so a slow machine only makes the run take longer in real
 * time; the watchdog (five simulated minutes after the planned end, 2.5 real seconds here) is the one
 * bound a badly starved engine could meet.
 */
class WorkerNodeLossTest {

    static final MetricId FIVE_XX = MetricId.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
            "TargetGroup", "targetgroup/payment-tg/a1b2c3d4e5f6");

    @RegisterExtension
    static LocalFisExtension fis = LocalFisExtension.builder()
            .account("111122223333").region("eu-west-1")
            .clock(Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(500))) // a minute every 500 ms
            .inventory(inv -> inv.ec2Instances(10, "Role", "WorkerNode"))
            .alarms(alarms -> {
                alarms.create("Payment5xx");                                       // in state OK
                alarms.steadyMetric(FIVE_XX, 1);                                   // one 5xx a minute
            })
            .build();

    @Test
    void stoppingAFifthOfTheWorkers_keepsThe5xxLow(FisEngine engine) {
        Experiment nodeLoss = experiment("worker-node-loss")
                .description("Stop 20% of the worker nodes for five minutes")
                .role("arn:aws:iam::111122223333:role/FisExperimentRole")
                .stopWhen(alarm("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:Payment5xx"))
                .hypothesis(steadyState("payment 5xx stays under 5 a minute")
                        .metric("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count")
                        .dimension("TargetGroup", "targetgroup/payment-tg/a1b2c3d4e5f6")
                        .sum().per(Duration.ofMinutes(1)).below(5))
                .action("stop-workers", Ec2.stopInstances(ec2Instances()
                        .tagged("Role", "WorkerNode").running().percent(20))
                    .restartAfter(Duration.ofMinutes(5)))
                .build();

        RunOutcome outcome = engine.start(nodeLoss).thenCompose(ExperimentRun::completion).join();

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        assertThat(outcome.verdict()).hasValueSatisfying(v ->
                assertThat(v.verdict()).as(v.summary()).isEqualTo(Verdict.HELD));
    }
}
