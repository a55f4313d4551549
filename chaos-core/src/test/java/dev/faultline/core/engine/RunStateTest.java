package dev.faultline.core.engine;

import static dev.faultline.core.engine.RunState.CANCELLED;
import static dev.faultline.core.engine.RunState.COMPLETED;
import static dev.faultline.core.engine.RunState.FAILED;
import static dev.faultline.core.engine.RunState.INITIATING;
import static dev.faultline.core.engine.RunState.PENDING;
import static dev.faultline.core.engine.RunState.QUEUED;
import static dev.faultline.core.engine.RunState.RUNNING;
import static dev.faultline.core.engine.RunState.STOPPED;
import static dev.faultline.core.engine.RunState.STOPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunStateTest {

    /** The whole table, written out: a state may skip forward (a poller misses short states), never back. */
    private static final Map<RunState, Set<RunState>> LEGAL = Map.of(
            QUEUED, EnumSet.of(PENDING, CANCELLED),
            PENDING, EnumSet.of(INITIATING, RUNNING, COMPLETED, STOPPING, STOPPED, FAILED, CANCELLED),
            INITIATING, EnumSet.of(RUNNING, COMPLETED, STOPPING, STOPPED, FAILED, CANCELLED),
            RUNNING, EnumSet.of(STOPPING, COMPLETED, STOPPED, FAILED),
            STOPPING, EnumSet.of(STOPPED, COMPLETED, FAILED),
            COMPLETED, EnumSet.noneOf(RunState.class),
            STOPPED, EnumSet.noneOf(RunState.class),
            FAILED, EnumSet.noneOf(RunState.class),
            CANCELLED, EnumSet.noneOf(RunState.class));

    @Test
    void next_isExactlyTheTable() {
        for (RunState from : RunState.values()) {
            assertThat(from.next()).as("from %s", from).isEqualTo(LEGAL.get(from));
        }
    }

    @Test
    void canMoveTo_agreesWithTheTableForEveryPair() {
        for (RunState from : RunState.values()) {
            for (RunState to : RunState.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(LEGAL.get(from).contains(to));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RunState.class)
    void canMoveTo_itself_isNeverATransition(RunState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }

    @Test
    void canMoveTo_neverGoesBack() {
        assertThat(RUNNING.canMoveTo(PENDING)).isFalse();
        assertThat(RUNNING.canMoveTo(INITIATING)).isFalse();
        assertThat(STOPPING.canMoveTo(RUNNING)).isFalse();
        assertThat(RUNNING.canMoveTo(CANCELLED)).isFalse();
        assertThat(PENDING.canMoveTo(QUEUED)).as("admitted is never queued again").isFalse();
        assertThat(INITIATING.canMoveTo(QUEUED)).isFalse();
    }

    @Test
    void queued_movesOnlyToPendingOrCancelled_andIsNotTerminal() {
        assertThat(QUEUED.isTerminal()).isFalse();
        assertThat(QUEUED.canMoveTo(PENDING)).isTrue();
        assertThat(QUEUED.canMoveTo(CANCELLED)).isTrue();
        assertThat(QUEUED.canMoveTo(RUNNING)).as("nothing runs before it is admitted").isFalse();
        assertThat(QUEUED.canMoveTo(STOPPED)).isFalse();
        assertThat(QUEUED.canMoveTo(FAILED)).isFalse();
    }

    @Test
    void isTerminal_completedStoppedFailedCancelled() {
        assertThat(EnumSet.allOf(RunState.class).stream().filter(RunState::isTerminal))
                .containsExactlyInAnyOrder(COMPLETED, STOPPED, FAILED, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(RunState.class)
    void terminalStates_haveNoNextState_andOthersHaveSome(RunState state) {
        assertThat(state.next().isEmpty()).isEqualTo(state.isTerminal());
    }

    @ParameterizedTest
    @EnumSource(RunState.class)
    void everyNonTerminalState_canReachATerminalState(RunState state) {
        if (!state.isTerminal()) {
            assertThat(state.next()).anyMatch(RunState::isTerminal);
        }
    }

    @Test
    void next_returnsACopyThatCallersCannotUseToChangeTheTable() {
        Set<RunState> before = Set.copyOf(RUNNING.next());
        Set<RunState> next = RUNNING.next();
        next.clear();

        assertThat(RUNNING.next()).isNotEmpty().isEqualTo(before);
    }

    @Test
    void wireNames_areTheFisStatuses() {
        assertThat(RunState.values()).extracting(RunState::wireName).containsExactly("queued", "pending", "initiating",
                "running", "completed", "stopping", "stopped", "failed", "cancelled");
    }

    @ParameterizedTest
    @EnumSource(RunState.class)
    void fromWireName_roundTripsAndToStringIsTheWireName(RunState state) {
        assertThat(RunState.fromWireName(state.wireName())).isSameAs(state);
        assertThat(state).hasToString(state.wireName());
    }

    @Test
    void fromWireName_unknownStatus_saysWhatItExpected() {
        assertThatThrownBy(() -> RunState.fromWireName("Running")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a FIS experiment status: Running").hasMessageContaining("pending");
        assertThatThrownBy(() -> RunState.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
