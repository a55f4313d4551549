package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunState;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.testkit.Clocks;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollPlanTest {

    private static final Duration FAST = Duration.ofSeconds(1);
    private static final Duration NORMAL = Duration.ofSeconds(5);
    private static final EngineConfig CONFIG = EngineConfig.builder().pollInterval(NORMAL).fastPollInterval(FAST)
            .fastPollWindow(Duration.ofSeconds(10)).build();
    private static final Instant START = Clocks.EPOCH;

    /** Node loss: the action starts at 0 and ends at 5 minutes. */
    private final PollPlan plan = new PollPlan(CONFIG, ExperimentPlan.of(EngineFixture.nodeLossDraft(
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighErrors", "Worker", Duration.ofMinutes(5)).build()));

    @Test
    void transitions_areTheActionStartsAndEnds() {
        assertThat(plan.transitions()).containsExactly(Duration.ZERO, Duration.ofMinutes(5));
    }

    @Test
    void next_pendingInitiatingStopping_isFast() {
        Instant midRun = START.plus(Duration.ofMinutes(2));
        assertThat(plan.next(RunState.PENDING, null, START)).isEqualTo(FAST);
        assertThat(plan.next(RunState.INITIATING, START, midRun)).isEqualTo(FAST);
        assertThat(plan.next(RunState.STOPPING, START, midRun)).isEqualTo(FAST);
    }

    @Test
    void next_running_isFastOnlyNearAPredictedTransition() {
        assertThat(plan.next(RunState.RUNNING, START, START.plusSeconds(3))).isEqualTo(FAST);
        assertThat(plan.next(RunState.RUNNING, START, START.plusSeconds(11))).isEqualTo(NORMAL);
        assertThat(plan.next(RunState.RUNNING, START, START.plus(Duration.ofMinutes(2)))).isEqualTo(NORMAL);
        assertThat(plan.next(RunState.RUNNING, START, START.plus(Duration.ofMinutes(5)).minusSeconds(10)))
                .isEqualTo(FAST);
        assertThat(plan.next(RunState.RUNNING, START, START.plus(Duration.ofMinutes(5)).plusSeconds(9)))
                .isEqualTo(FAST);
        assertThat(plan.next(RunState.RUNNING, START, START.plus(Duration.ofMinutes(6)))).isEqualTo(NORMAL);
    }

    @Test
    void next_withoutAPlan_dependsOnTheStateOnly() {
        PollPlan unknown = new PollPlan(CONFIG, null);
        assertThat(unknown.next(RunState.RUNNING, START, START)).isEqualTo(NORMAL);
        assertThat(unknown.next(RunState.PENDING, START, START)).isEqualTo(FAST);
    }
}
