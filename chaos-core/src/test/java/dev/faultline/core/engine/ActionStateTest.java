package dev.faultline.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActionStateTest {

    @Test
    void wireNames_areTheFisActionStatuses() {
        assertThat(ActionState.values()).extracting(ActionState::wireName).containsExactly("pending", "initiating",
                "running", "completed", "cancelled", "stopping", "stopped", "failed", "skipped");
    }

    @Test
    void isTerminal_completedCancelledStoppedFailedSkipped() {
        assertThat(Arrays.stream(ActionState.values()).filter(ActionState::isTerminal)).containsExactlyInAnyOrder(
                ActionState.COMPLETED, ActionState.CANCELLED, ActionState.STOPPED, ActionState.FAILED,
                ActionState.SKIPPED);
    }

    @ParameterizedTest
    @EnumSource(ActionState.class)
    void fromWireName_roundTrips(ActionState state) {
        assertThat(ActionState.fromWireName(state.wireName())).isSameAs(state);
        assertThat(state).hasToString(state.wireName());
    }

    @Test
    void fromWireName_unknown_isRejected() {
        assertThatThrownBy(() -> ActionState.fromWireName("done")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a FIS action status: done");
    }
}
