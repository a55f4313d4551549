package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule a game day gets. That a schedule fires (twice under skipped time, say) is not
 * tested: Temporal's Java test server implements no Schedule API (temporalio/sdk-java #1954, #2388)
 * and no other Temporal server can be installed here; see docs/temporal.md.
 */
class GameDaysTest {

    private WorkflowServiceStubs stubs;
    private GameDays gameDays;

    @BeforeEach
    void setUp() {
        // never connected: building a definition makes no call
        stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:1").build());
        gameDays = GameDays.of(ScheduleClient.newInstance(stubs), "faultline-q");
    }

    @AfterEach
    void tearDown() {
        stubs.shutdownNow();
    }

    @Test
    void definition_campaign_startsTheCampaignWorkflowOnTheCronSkippingOverlapsUnpaused() {
        CampaignRequest campaign = new CampaignRequest("tuesday", List.of(RunRequest.of("a", "{}")), List.of(), 0, 0,
                CampaignOrdering.SEQUENTIAL, java.util.Set.of(CampaignStop.REFUTED));

        Schedule s = gameDays.definition(List.of("0 14 * * TUE", "30 9 1 * *"), CampaignWorkflow.class, "tuesday-gd",
                campaign);

        assertThat(s.getSpec().getCronExpressions()).containsExactly("0 14 * * TUE", "30 9 1 * *");
        assertThat(s.getPolicy().getOverlap()).isEqualTo(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
        assertThat(s.getState().isPaused()).isFalse();
        ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) s.getAction();
        assertThat(action.getWorkflowType()).isEqualTo("FaultlineCampaign");
        assertThat(action.getOptions().getWorkflowId()).isEqualTo("tuesday-gd");
        assertThat(action.getOptions().getTaskQueue()).isEqualTo("faultline-q");
    }

    @Test
    void definition_badCron_saysWhatAFiveFieldExpressionIs() {
        assertThatThrownBy(() -> gameDays.definition(List.of("0 14 * *"), ExperimentWorkflow.class, "x",
                RunRequest.of("a", "{}"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"0 14 * *\" must have five fields");
        assertThatThrownBy(() -> gameDays.definition(List.of(), ExperimentWorkflow.class, "x", RunRequest.of("a", "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one cron expression");
    }
}
