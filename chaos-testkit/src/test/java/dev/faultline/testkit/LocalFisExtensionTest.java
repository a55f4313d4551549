package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;

class LocalFisExtensionTest {

    @RegisterExtension
    static LocalFisExtension extension = LocalFisExtension.builder()
            .inventory(inv -> inv.ec2Instances(3, "Role", "Web"))
            .alarms(alarms -> alarms.create("Healthy"))
            .build();

    @Test
    void handsTestsTheInstanceTheClockAndSdkClients(LocalFis fis, ManualClock clock, FisAsyncClient client,
            CloudWatchAsyncClient cloudWatch) {
        assertThat(extension.localFis()).isSameAs(fis);
        assertThat(fis.inventory().resources("aws:ec2:instance")).hasSize(3);
        assertThat(cloudWatch.describeAlarms(b -> { }).join().metricAlarms()).extracting(a -> a.alarmName())
                .containsExactly("Healthy");

        String id = client.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").targets(Map.of())
                .actions(Map.of("Wait", CreateExperimentTemplateActionInput.builder().actionId("aws:fis:wait")
                        .parameters(Map.of("duration", "PT2M")).build())).build())
                .join().experimentTemplate().id();
        String experiment = client.startExperiment(b -> b.experimentTemplateId(id)).join().experiment().id();
        clock.advance(Duration.ofMinutes(1));
        assertThat(fis.experimentStatus(experiment)).hasValue("running");
        clock.advance(Duration.ofMinutes(2));
        assertThat(client.getExperiment(b -> b.id(experiment)).join().experiment().state().status())
                .isEqualTo(ExperimentStatus.COMPLETED);
    }
}
