package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.testkit.Clocks;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunStateMachineTest {

    private static final Instant T = Clocks.EPOCH;

    private final EventLog events = new EventLog("EXP1");
    private final RunStateMachine machine = new RunStateMachine("EXP1", events);

    private static Snapshot snapshot(RunState state, ActionState action) {
        ActionOutcome a = ActionOutcome.builder().name("stop").state(action).build();
        return new Snapshot(state, "why", null, null, "EXT1", T, T, null, Map.of("stop", a));
    }

    @Test
    void transition_legalMovesPublishEvents_illegalOnesAreIgnored() {
        assertThat(machine.transition(RunState.RUNNING, "", T)).isTrue();
        assertThat(machine.transition(RunState.PENDING, "", T)).as("never back").isFalse();
        assertThat(machine.transition(RunState.RUNNING, "", T)).as("no change").isFalse();
        assertThat(machine.transition(RunState.COMPLETED, "done", T)).isTrue();
        assertThat(machine.transition(RunState.STOPPED, "", T)).as("terminal stays").isFalse();

        assertThat(machine.state()).isEqualTo(RunState.COMPLETED);
        assertThat(events.events()).extracting(e -> ((RunEvent.StateChanged) e).to())
                .containsExactly(RunState.RUNNING, RunState.COMPLETED);
    }

    @Test
    void apply_runningThenStopped_ordersRunAndActionEventsAsTheyHappened() {
        machine.apply(snapshot(RunState.RUNNING, ActionState.RUNNING), T);
        machine.apply(snapshot(RunState.STOPPED, ActionState.STOPPED), T);
        machine.apply(snapshot(RunState.STOPPED, ActionState.RUNNING), T);

        List<RunEvent> seen = events.events();
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).isInstanceOf(RunEvent.StateChanged.class);
        assertThat(seen.get(1)).isInstanceOfSatisfying(RunEvent.ActionStateChanged.class,
                e -> assertThat(e.to()).isEqualTo(ActionState.RUNNING));
        assertThat(seen.get(2)).isInstanceOfSatisfying(RunEvent.ActionStateChanged.class,
                e -> assertThat(e.to()).isEqualTo(ActionState.STOPPED));
        assertThat(seen.get(3)).isInstanceOfSatisfying(RunEvent.StateChanged.class,
                e -> assertThat(e.to()).isEqualTo(RunState.STOPPED));
        assertThat(machine.actions(List.of("stop"))).singleElement()
                .satisfies(a -> assertThat(a.state()).as("a terminal action stays").isEqualTo(ActionState.STOPPED));
    }
}
