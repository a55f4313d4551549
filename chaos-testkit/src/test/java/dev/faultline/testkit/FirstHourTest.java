package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.Experiment;

/** What a newcomer's first test meets: a manual clock never advanced, ids across restarts, steady metrics. */
class FirstHourTest {

    private static String startWait(FisAsyncClient client) {
        String id = client.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").targets(Map.of())
                .actions(Map.of("Wait", CreateExperimentTemplateActionInput.builder().actionId("aws:fis:wait")
                        .parameters(Map.of("duration", "PT2M")).build())).build())
                .join().experimentTemplate().id();
        return client.startExperiment(b -> b.experimentTemplateId(id)).join().experiment().id();
    }

    @Test
    void manualClockNeverAdvanced_failsTheExperimentSayingSo() throws Exception {
        try (LocalFis fis = LocalFis.builder().manualClockTimeout(Duration.ofMillis(200)).start();
                FisAsyncClient client = SdkClients.fis(fis)) {
            String id = startWait(client);
            Experiment seen;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                Thread.sleep(50);
                seen = client.getExperiment(b -> b.id(id)).join().experiment();
            } while (!"failed".equals(seen.state().statusAsString()) && System.nanoTime() < deadline);

            assertThat(seen.state().statusAsString()).isEqualTo("failed");
            assertThat(seen.state().reason()).contains("manual clock that was not advanced")
                    .contains("clock.advance(").contains("Clocks.scaled(");
        }
    }

    @Test
    void manualClockAdvanced_keepsTheExperimentGoing() throws Exception {
        ManualClock clock = Clocks.manual();
        try (LocalFis fis = LocalFis.builder().clock(clock).manualClockTimeout(Duration.ofMillis(200)).start();
                FisAsyncClient client = SdkClients.fis(fis)) {
            String id = startWait(client);
            clock.advance(Duration.ofSeconds(1));
            Thread.sleep(400);
            assertThat(fis.experimentStatus(id)).isNotEqualTo(java.util.Optional.of("failed"));
            clock.advance(Duration.ofMinutes(3));
            assertThat(fis.experimentStatus(id)).hasValue("completed");
        }
    }

    @Test
    void experimentIds_doNotRepeatAcrossRestarts_withTheSameSeed() {
        String first;
        String second;
        try (LocalFis fis = LocalFis.builder().seed(7).start(); FisAsyncClient client = SdkClients.fis(fis)) {
            first = startWait(client);
        }
        try (LocalFis fis = LocalFis.builder().seed(7).start(); FisAsyncClient client = SdkClients.fis(fis)) {
            second = startWait(client);
        }
        assertThat(first).startsWith("EXP").hasSize(18);
        assertThat(second).startsWith("EXP").hasSize(18).isNotEqualTo(first);
    }

    @Test
    void steadyMetric_readsOnePointAMinute_atAnyTime() {
        Alarms alarms = new Alarms("123456789012", "us-east-1", Clocks.manual());
        MetricId metric = MetricId.of("App", "Errors");
        alarms.steadyMetric(metric, 2);
        Instant t = Instant.parse("2030-05-05T10:00:30Z");

        assertThat(alarms.statistic(metric, "Sum", t, Duration.ofMinutes(5))).hasValue(10.0);
        assertThat(alarms.statistic(metric, "Average", t, Duration.ofMinutes(5))).hasValue(2.0);
        assertThat(alarms.statistic(metric, "SampleCount", t, Duration.ofSeconds(20))).isEmpty();
        alarms.putMetricData(metric, t, 5);
        assertThat(alarms.statistic(metric, "Maximum", t, Duration.ofMinutes(1))).hasValue(5.0);
    }

    @Test
    void extension_takesAccountAndRegion() throws Exception {
        LocalFisExtension extension = LocalFisExtension.builder().account("111122223333").region("eu-west-1").build();
        extension.beforeEach(null);
        try {
            assertThat(extension.localFis().account()).isEqualTo("111122223333");
            assertThat(extension.localFis().region()).isEqualTo("eu-west-1");
            assertThat(extension.localFis().alarms().create("A")).isEqualTo("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:A");
        } finally {
            extension.afterEach(null);
        }
    }
}
