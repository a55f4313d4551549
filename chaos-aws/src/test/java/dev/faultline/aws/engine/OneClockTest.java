package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Ec2;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * A run's events and outcome are on one clock, the service's, even when the engine's clock is
 * another: here the engine runs on the system clock (as the command line does) against LocalFis
 * on a clock 60 times faster.
 */
@Timeout(60)
class OneClockTest {

    @Test
    void engineOnTheSystemClock_againstAScaledLocalFis_stampsEveryEventOnTheServicesClock() {
        Experiment nodeLoss = experiment("one-clock")
                .description("Stop two workers for two minutes")
                .role(EngineFixture.ROLE)
                .action("stop", Ec2.stopInstances(ec2Instances().tagged("Role", "Worker").count(2))
                        .restartAfter(Duration.ofMinutes(2)))
                .build();
        List<RunEvent> events = new ArrayList<>();
        RunOutcome outcome;
        try (LocalFis local = LocalFis.builder().clock(Clocks.scaled(Duration.ofMinutes(1), Duration.ofSeconds(1)))
                        .inventory(inv -> inv.ec2Instances(4, "Role", "Worker")).start();
                FisAsyncClient fis = SdkClients.fis(local);
                CloudWatchAsyncClient cloudWatch = SdkClients.cloudWatch(local);
                FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cloudWatch).clock(Clock.systemUTC())
                        .config(EngineFixture.testConfig().build()).build()) {
            ExperimentRun run = engine.start(nodeLoss, dev.faultline.core.engine.RunOptions.builder().preview(false)
                    .build()).join();
            run.onEvent(e -> {
                synchronized (events) {
                    events.add(e);
                }
            });
            outcome = run.completion().join();
        }

        assertThat(outcome.state()).isEqualTo(RunState.COMPLETED);
        Instant start = outcome.startTime().orElseThrow();
        Instant end = outcome.endTime().orElseThrow();
        ActionOutcome stop = outcome.actions().get(0);
        Instant actionStart = stop.startTime().orElseThrow();
        Instant actionEnd = stop.endTime().orElseThrow();
        List<RunEvent> seen;
        synchronized (events) {
            seen = List.copyOf(events);
        }

        // the service's own times, for the moves it stamps
        assertThat(stateTime(seen, RunState.RUNNING)).isEqualTo(start);
        assertThat(stateTime(seen, RunState.COMPLETED)).isEqualTo(end);
        assertThat(actionTime(seen, ActionState.RUNNING)).isEqualTo(actionStart);
        assertThat(actionTime(seen, ActionState.COMPLETED)).isEqualTo(actionEnd);
        // offsets on that clock: the action lasts its two minutes, inside the experiment
        assertThat(Duration.between(actionStart, actionEnd)).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(130));
        assertThat(actionStart).isAfterOrEqualTo(start);
        assertThat(end).isAfterOrEqualTo(actionEnd);
        // the others on the same clock: the run starts no later than it runs and ends no earlier than the service
        RunEvent first = seen.get(0);
        RunEvent last = seen.get(seen.size() - 1);
        assertThat(first).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(first.time()).isBeforeOrEqualTo(start).isAfter(start.minus(Duration.ofMinutes(2)));
        assertThat(last).isInstanceOf(RunEvent.RunCompleted.class);
        assertThat(last.time()).isAfterOrEqualTo(end).isBefore(end.plus(Duration.ofMinutes(10)));
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).time()).as("event %d (%s) is not before the one published before it", i, seen.get(i))
                    .isAfterOrEqualTo(seen.get(i - 1).time());
        }
    }

    private static Instant stateTime(List<RunEvent> events, RunState to) {
        return events.stream().filter(e -> e instanceof RunEvent.StateChanged && ((RunEvent.StateChanged) e).to() == to)
                .map(RunEvent::time).findFirst().orElseThrow();
    }

    private static Instant actionTime(List<RunEvent> events, ActionState to) {
        return events.stream()
                .filter(e -> e instanceof RunEvent.ActionStateChanged && ((RunEvent.ActionStateChanged) e).to() == to)
                .map(RunEvent::time).findFirst().orElseThrow();
    }
}
