package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;

class ScaledClockTest {

    @Test
    void scaledClock_runsAnExperimentWithoutAnyoneAdvancingTime() throws Exception {
        Clock fast = Clocks.scaled(Duration.ofHours(1), Duration.ofMillis(1));
        try (LocalFis local = LocalFis.builder().clock(fast).start();
                FisAsyncClient fis = SdkClients.fis(local, SharedHttp.CLIENT)) {
            String templateId = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").targets(Map.of())
                    .actions(Map.of("Wait", CreateExperimentTemplateActionInput.builder().actionId("aws:fis:wait")
                            .parameters(Map.of("duration", "PT10M")).build())).build())
                    .join().experimentTemplate().id();
            String id = fis.startExperiment(b -> b.experimentTemplateId(templateId)).join().experiment().id();
            String status = "";
            for (int i = 0; i < 500 && !status.equals("completed"); i++) {
                Thread.sleep(10);
                status = local.experimentStatus(id).orElseThrow();
            }
            assertThat(status).isEqualTo("completed");
        }
    }

    @Test
    void manualClock_neverMovesByItself_andRejectsGoingBack() {
        ManualClock c = Clocks.manual();
        assertThat(c.instant()).isEqualTo(Clocks.EPOCH);
        c.advance(Duration.ofMinutes(1));
        assertThat(c.instant()).isEqualTo(Clocks.EPOCH.plusSeconds(60));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
