package dev.faultline.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * CampaignWorkflow across two LocalFis accounts on Temporal's test environment. The experiments are
 * written for account A (its role and alarm); the campaign's targets move them to each account.
 */
@Timeout(180)
class CampaignWorkflowTest {

    private static final String ACCOUNT_A = "111111111111";
    private static final String ACCOUNT_B = "222222222222";

    private TestWorkflowEnvironment env;
    private TemporalFixture a;
    private TemporalFixture b;
    private FaultlineWorker worker;
    private FaultlineClient client;

    @BeforeEach
    void setUp() {
        env = TestWorkflowEnvironment.newInstance();
        a = new TemporalFixture(ACCOUNT_A);
        // one clock for both accounts, as in the real world: the worker's engines judge both by it
        b = new TemporalFixture(ACCOUNT_B, a.clock);
        TargetClients clients = TargetClients.byKey(Map.of(
                ACCOUNT_A + "/us-east-1", new TargetClients.Clients(a.fis, a.cloudWatch),
                ACCOUNT_B + "/us-east-1", new TargetClients.Clients(b.fis, b.cloudWatch)));
        worker = FaultlineWorker.builder().client(env.getWorkflowClient()).clients(clients)
                .config(TemporalFixture.config()).clock(a.clock).heartbeat(Duration.ofSeconds(1)).build().start();
        client = FaultlineClient.of(env.getWorkflowClient(), FaultlineWorker.DEFAULT_TASK_QUEUE);
    }

    @AfterEach
    void tearDown() {
        worker.close();
        env.close();
        a.close();
        b.close();
    }

    private List<RunTarget> targets() {
        return List.of(RunTarget.of(ACCOUNT_A, "us-east-1", a.role()), RunTarget.of(ACCOUNT_B, "us-east-1", b.role()));
    }

    @Test
    void campaign_twelveRunsInTwoAccounts_neverMoreActivePerAccountThanTheCap() {
        a.feed(1, 2);
        b.feed(1, 2);
        List<RunRequest> experiments = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // an hour of loss (6 real seconds) so that the runs of an account overlap
            experiments.add(RunRequest.of(a.nodeLoss("loss-" + i, Duration.ofHours(1))));
        }
        CampaignRequest campaign = new CampaignRequest("twelve", experiments, targets(), 3, 0,
                CampaignOrdering.PARALLEL, Set.of(CampaignStop.REFUTED));

        CampaignResult result = client.campaignResult(client.startCampaign(campaign)).join();

        assertThat(result.runs()).hasSize(12).allSatisfy(r -> assertThat(r.state()).isEqualTo("COMPLETED"));
        assertThat(result.runs()).allSatisfy(r -> assertThat(r.verdict()).isEqualTo("HELD"));
        assertThat(result.succeeded()).isTrue();
        for (TemporalFixture account : List.of(a, b)) {
            List<ExperimentSummary> started = account.experiments();
            assertThat(started).hasSize(6);
            assertThat(maxActive(account, started)).as("most experiments active at once in %s",
                    account.localFis.account()).isBetween(2, 3);
        }
    }

    @Test
    void campaign_refutedVerdict_stopsTheCampaignAndSkipsTheRest() {
        worker.close();
        worker = FaultlineWorker.builder().client(env.getWorkflowClient()).clients(TargetClients.of(a.fis, a.cloudWatch))
                .metrics(a.errorsFollowingTheFleet(1, 50)).config(TemporalFixture.config()).clock(a.clock)
                .heartbeat(Duration.ofSeconds(1)).build().start();
        Duration loss = Duration.ofHours(1);
        List<RunRequest> experiments = List.of(RunRequest.of(a.nodeLoss("first", loss)),
                RunRequest.of(a.nodeLoss("second", loss)), RunRequest.of(a.nodeLoss("third", loss)));
        CampaignRequest campaign = new CampaignRequest("stops", experiments,
                List.of(RunTarget.of(ACCOUNT_A, "us-east-1", a.role())), 0, 0, CampaignOrdering.SEQUENTIAL,
                Set.of(CampaignStop.REFUTED));

        CampaignResult result = client.campaignResult(client.startCampaign(campaign)).join();

        assertThat(result.stoppedBecause()).contains("first").contains("refuted");
        assertThat(result.runs()).extracting(RunResult::state).containsExactly("STOPPED", "SKIPPED", "SKIPPED");
        assertThat(result.runs().get(0).verdict()).isEqualTo("REFUTED");
        assertThat(a.experiments()).hasSize(1);
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void campaign_waves_startAWaveOnlyWhenTheOneBeforeHasEnded() {
        a.feed(1, 2);
        b.feed(1, 2);
        CampaignRequest campaign = new CampaignRequest("waves",
                List.of(RunRequest.of(a.nodeLoss("wave-1")), RunRequest.of(a.nodeLoss("wave-2"))), targets(), 0, 0,
                CampaignOrdering.WAVES, Set.of());

        CampaignResult result = client.campaignResult(client.startCampaign(campaign)).join();

        assertThat(result.runs()).extracting(RunResult::state).containsOnly("COMPLETED");
        Instant firstWaveEnd = Instant.MIN;
        Instant secondWaveStart = Instant.MAX;
        for (TemporalFixture account : List.of(a, b)) {
            for (ExperimentSummary s : account.experiments()) {
                Experiment e = account.fis.getExperiment(r -> r.id(s.id())).join().experiment();
                boolean first = e.experimentTemplateId() != null && result.runs().stream()
                        .anyMatch(r -> r.name().startsWith("wave-1") && r.experimentId().equals(e.id()));
                if (first && e.endTime().isAfter(firstWaveEnd)) {
                    firstWaveEnd = e.endTime();
                } else if (!first && e.startTime().isBefore(secondWaveStart)) {
                    secondWaveStart = e.startTime();
                }
            }
        }
        assertThat(secondWaveStart).isAfterOrEqualTo(firstWaveEnd);
    }

    /** The most experiments active at once, from their start and end times (an end before a start at a tie). */
    private static int maxActive(TemporalFixture account, List<ExperimentSummary> started) {
        List<long[]> edges = new ArrayList<>();
        for (ExperimentSummary s : started) {
            Experiment e = account.fis.getExperiment(r -> r.id(s.id())).join().experiment();
            edges.add(new long[] {e.startTime().toEpochMilli(), 1});
            edges.add(new long[] {e.endTime().toEpochMilli(), -1});
        }
        edges.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
        int active = 0;
        int max = 0;
        for (long[] edge : edges) {
            active += (int) edge[1];
            max = Math.max(max, active);
        }
        return max;
    }
}
