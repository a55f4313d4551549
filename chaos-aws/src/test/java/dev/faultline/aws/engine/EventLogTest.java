package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.testkit.Clocks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private static final Instant T = Clocks.EPOCH;

    private static RunEvent changed(RunState from, RunState to) {
        return new RunEvent.StateChanged("EXP1", T, from, to, "");
    }

    @Test
    void publish_deliversInOrder_andALateListenerGetsTheHistoryFirst() {
        EventLog log = new EventLog("EXP1");
        List<RunEvent> early = new ArrayList<>();
        log.subscribe(early::add);
        RunEvent a = changed(RunState.PENDING, RunState.RUNNING);
        RunEvent b = changed(RunState.RUNNING, RunState.COMPLETED);
        log.publish(a);
        List<RunEvent> late = new ArrayList<>();
        log.subscribe(late::add);
        log.publish(b);

        assertThat(early).containsExactly(a, b);
        assertThat(late).containsExactly(a, b);
        assertThat(log.events()).containsExactly(a, b);
    }

    @Test
    void publish_aListenerThatThrows_isSkippedForThatEventOnly() {
        EventLog log = new EventLog("EXP1");
        List<RunEvent> failing = new ArrayList<>();
        List<RunEvent> good = new ArrayList<>();
        log.subscribe(e -> {
            failing.add(e);
            throw new IllegalStateException("boom");
        });
        log.subscribe(good::add);
        RunEvent a = changed(RunState.PENDING, RunState.RUNNING);
        RunEvent b = changed(RunState.RUNNING, RunState.STOPPING);
        log.publish(a);
        log.publish(b);

        assertThat(failing).containsExactly(a, b);
        assertThat(good).containsExactly(a, b);
    }

    @Test
    void publish_fromInsideAListener_isDeliveredAfterTheCurrentEventToEveryone() {
        EventLog log = new EventLog("EXP1");
        RunEvent a = changed(RunState.PENDING, RunState.RUNNING);
        RunEvent stop = new RunEvent.StopRequested("EXP1", T, StopSource.CALLER, "from a listener");
        List<RunEvent> first = new ArrayList<>();
        List<RunEvent> second = new ArrayList<>();
        log.subscribe(e -> {
            first.add(e);
            if (e == a) {
                log.publish(stop);
                assertThat(first).as("not delivered re-entrantly").containsExactly(a);
            }
        });
        log.subscribe(second::add);
        log.publish(a);

        assertThat(first).containsExactly(a, stop);
        assertThat(second).containsExactly(a, stop);
    }
}
