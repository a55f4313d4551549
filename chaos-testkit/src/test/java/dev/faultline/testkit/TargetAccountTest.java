package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.AccountTargeting;
import software.amazon.awssdk.services.fis.model.ConflictException;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.fis.model.ValidationException;

class TargetAccountTest {

    private ManualClock clock;
    private LocalFis local;
    private FisAsyncClient fis;

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock)
                .inventory(inv -> inv.ec2Instances(10, "Environment", "Production", "Role", "WorkerNode")).start();
        fis = SdkClients.fis(local, SharedHttp.CLIENT);
    }

    @AfterEach
    void stop() {
        fis.close();
        local.close();
    }

    @Test
    void targetAccountConfigurations_createGetUpdateListDelete_onAMultiAccountTemplate() {
        String single = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join().experimentTemplate().id();
        assertThatThrownBy(() -> fis.createTargetAccountConfiguration(b -> b.experimentTemplateId(single)
                .accountId("111122223333").roleArn("arn:aws:iam::111122223333:role/Fis")).join())
                .cause().isInstanceOf(ValidationException.class);

        String id = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M")
                .experimentOptions(o -> o.accountTargeting(AccountTargeting.MULTI_ACCOUNT)).build())
                .join().experimentTemplate().id();
        var created = fis.createTargetAccountConfiguration(b -> b.experimentTemplateId(id).accountId("111122223333")
                .roleArn("arn:aws:iam::111122223333:role/Fis").description("payments")).join()
                .targetAccountConfiguration();
        assertThat(created.accountId()).isEqualTo("111122223333");
        assertThatThrownBy(() -> fis.createTargetAccountConfiguration(b -> b.experimentTemplateId(id)
                .accountId("111122223333").roleArn("arn:aws:iam::111122223333:role/Fis")).join())
                .cause().isInstanceOf(ConflictException.class);

        fis.updateTargetAccountConfiguration(b -> b.experimentTemplateId(id).accountId("111122223333")
                .description("orders")).join();
        assertThat(fis.getTargetAccountConfiguration(b -> b.experimentTemplateId(id).accountId("111122223333")).join()
                .targetAccountConfiguration().description()).isEqualTo("orders");
        assertThat(fis.getExperimentTemplate(b -> b.id(id)).join().experimentTemplate().targetAccountConfigurationsCount())
                .isEqualTo(1L);
        assertThat(fis.listTargetAccountConfigurations(b -> b.experimentTemplateId(id)).join()
                .targetAccountConfigurations()).hasSize(1);

        String experiment = fis.startExperiment(b -> b.experimentTemplateId(id)).join().experiment().id();
        assertThat(fis.listExperimentTargetAccountConfigurations(b -> b.experimentId(experiment)).join()
                .targetAccountConfigurations()).extracting(c -> c.accountId()).containsExactly("111122223333");

        fis.deleteTargetAccountConfiguration(b -> b.experimentTemplateId(id).accountId("111122223333")).join();
        // the experiment keeps the configurations it started with
        assertThat(fis.getExperimentTargetAccountConfiguration(b -> b.experimentId(experiment).accountId("111122223333"))
                .join().targetAccountConfiguration().description()).isEqualTo("orders");
        assertThatThrownBy(() -> fis.getTargetAccountConfiguration(b -> b.experimentTemplateId(id)
                .accountId("111122223333")).join()).cause().isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void stopExperiment_whilePending_endsStopped_andItsActionsCancelled() {
        String id = fis.createExperimentTemplate(FisSdkTest.nodeLoss("PT5M").build()).join().experimentTemplate().id();
        String experiment = fis.startExperiment(b -> b.experimentTemplateId(id)).join().experiment().id();
        fis.stopExperiment(b -> b.id(experiment)).join();
        clock.advance(Duration.ofSeconds(1));
        var e = fis.getExperiment(b -> b.id(experiment)).join().experiment();
        assertThat(e.state().status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(e.actions().get("StopWorkers").state().statusAsString()).isEqualTo("cancelled");
        assertThat(local.inventory().events()).isEmpty();
    }
}
