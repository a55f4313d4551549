package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ConflictException;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateActionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateStopConditionInput;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateTargetInput;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentActionStatus;
import software.amazon.awssdk.services.fis.model.ExperimentStatus;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateTargetInputFilter;
import software.amazon.awssdk.services.fis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.fis.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.fis.model.ValidationException;

class FisSdkTest {

    private ManualClock clock;
    private LocalFis local;
    private FisAsyncClient fis;

    @BeforeEach
    void start() {
        clock = Clocks.manual();
        local = LocalFis.builder().clock(clock).seed(42)
                .inventory(inv -> inv.ec2Instances(10, "Environment", "Production", "Role", "WorkerNode")
                        .ec2Instances(4, "Environment", "Staging"))
                .start();
        fis = SdkClients.fis(local, SharedHttp.CLIENT);
    }

    @AfterEach
    void stop() {
        fis.close();
        local.close();
    }

    static CreateExperimentTemplateRequest.Builder nodeLoss(String duration) {
        return CreateExperimentTemplateRequest.builder()
                .description("Stop 20% of production worker nodes")
                .roleArn("arn:aws:iam::123456789012:role/FisRole")
                .stopConditions(CreateExperimentTemplateStopConditionInput.builder().source("none").build())
                .targets(Map.of("Workers", CreateExperimentTemplateTargetInput.builder()
                        .resourceType("aws:ec2:instance")
                        .resourceTags(Map.of("Environment", "Production", "Role", "WorkerNode"))
                        .filters(ExperimentTemplateTargetInputFilter.builder().path("State.Name").values("running").build())
                        .selectionMode("PERCENT(20)").build()))
                .actions(Map.of("StopWorkers", CreateExperimentTemplateActionInput.builder()
                        .actionId("aws:ec2:stop-instances")
                        .parameters(Map.of("startInstancesAfterDuration", duration))
                        .targets(Map.of("Instances", "Workers")).build()))
                .tags(Map.of("Team", "payments"));
    }

    private ExperimentTemplate create(CreateExperimentTemplateRequest.Builder request) {
        return fis.createExperimentTemplate(request.build()).join().experimentTemplate();
    }

    private Experiment get(String id) {
        return fis.getExperiment(b -> b.id(id)).join().experiment();
    }

    private Experiment start(String templateId) {
        return fis.startExperiment(b -> b.experimentTemplateId(templateId)).join().experiment();
    }

    @Test
    void createTemplate_returnsIdArnTimesAndTheTemplate() {
        ExperimentTemplate t = create(nodeLoss("PT5M"));

        assertThat(t.id()).startsWith("EXT").hasSize(17);
        assertThat(t.arn()).isEqualTo("arn:aws:fis:us-east-1:123456789012:experiment-template/" + t.id());
        assertThat(t.creationTime()).isEqualTo(Clocks.EPOCH);
        assertThat(t.targets().get("Workers").selectionMode()).isEqualTo("PERCENT(20)");
        assertThat(t.actions().get("StopWorkers").parameters()).containsEntry("startInstancesAfterDuration", "PT5M");
        assertThat(t.tags()).containsEntry("Team", "payments");
        assertThat(t.experimentOptions().emptyTargetResolutionModeAsString()).isEqualTo("fail");

        ExperimentTemplate again = fis.getExperimentTemplate(b -> b.id(t.id())).join().experimentTemplate();
        assertThat(again).isEqualTo(t);
    }

    @Test
    void createTemplate_sameClientTokenTwice_createsOneTemplate() {
        ExperimentTemplate a = create(nodeLoss("PT5M").clientToken("token-1"));
        ExperimentTemplate b = create(nodeLoss("PT5M").clientToken("token-1"));

        assertThat(b.id()).isEqualTo(a.id());
        assertThat(fis.listExperimentTemplates(r -> { }).join().experimentTemplates()).hasSize(1);
        assertThatThrownBy(() -> create(nodeLoss("PT6M").clientToken("token-1")))
                .hasCauseInstanceOf(ConflictException.class);
    }

    @Test
    void createTemplate_invalid_isA400ValidationExceptionInFisStyle() {
        CreateExperimentTemplateRequest.Builder both = nodeLoss("PT5M").targets(Map.of("Workers",
                CreateExperimentTemplateTargetInput.builder().resourceType("aws:ec2:instance")
                        .resourceArns("arn:aws:ec2:us-east-1:123456789012:instance/i-1")
                        .resourceTags(Map.of("A", "B")).selectionMode("ALL").build()));

        assertThatThrownBy(() -> create(both))
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(ValidationException.class)
                .hasMessageContaining("You cannot specify both resource ARNs and resource tags")
                .satisfies(e -> assertThat(((ValidationException) e).statusCode()).isEqualTo(400));
    }

    @Test
    void createTemplate_unknownAction_isRejected() {
        // FIS rejects an action id it does not know; LocalFis checks against Faultline's catalog
        assertThatThrownBy(() -> create(nodeLoss("PT5M").actions(Map.of("New", CreateExperimentTemplateActionInput.builder()
                .actionId("aws:newservice:brand-new-action").build())).targets(Map.of())))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ValidationException.class)
                .hasMessageContaining("aws:newservice:brand-new-action");
    }

    @Test
    void getTemplate_unknown_isA404() {
        assertThatThrownBy(() -> fis.getExperimentTemplate(b -> b.id("EXTnope")).join())
                .cause().isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((ResourceNotFoundException) e).statusCode()).isEqualTo(404));
    }

    @Test
    void updateTemplate_replacesGivenFields_keepsTheRest() {
        ExperimentTemplate t = create(nodeLoss("PT5M"));
        clock.advance(Duration.ofMinutes(3));

        ExperimentTemplate u = fis.updateExperimentTemplate(b -> b.id(t.id()).description("new words")).join()
                .experimentTemplate();

        assertThat(u.description()).isEqualTo("new words");
        assertThat(u.actions()).isEqualTo(t.actions());
        assertThat(u.lastUpdateTime()).isEqualTo(Clocks.EPOCH.plus(Duration.ofMinutes(3)));
        assertThat(u.creationTime()).isEqualTo(Clocks.EPOCH);
    }

    @Test
    void deleteTemplate_thenGet_isA404() {
        ExperimentTemplate t = create(nodeLoss("PT5M"));
        fis.deleteExperimentTemplate(b -> b.id(t.id())).join();
        assertThatThrownBy(() -> fis.getExperimentTemplate(b -> b.id(t.id())).join())
                .cause().isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listTemplates_pagesWithNextToken() {
        for (int i = 0; i < 5; i++) {
            create(nodeLoss("PT5M"));
        }
        var first = fis.listExperimentTemplates(b -> b.maxResults(2)).join();
        assertThat(first.experimentTemplates()).hasSize(2);
        assertThat(first.nextToken()).isNotNull();
        var all = fis.listExperimentTemplatesPaginator(b -> b.maxResults(2)).experimentTemplates();
        List<String> ids = new java.util.ArrayList<>();
        all.subscribe(s -> ids.add(s.id())).join();
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void experiment_runsThroughItsStates_stopsAndRestartsInstances() {
        ExperimentTemplate t = create(nodeLoss("PT5M"));
        Experiment e = start(t.id());
        assertThat(e.id()).startsWith("EXP").hasSize(18);
        assertThat(e.state().status()).isEqualTo(ExperimentStatus.PENDING);

        clock.advance(Duration.ofSeconds(1));
        assertThat(get(e.id()).state().status()).isEqualTo(ExperimentStatus.INITIATING);
        clock.advance(Duration.ofSeconds(1));
        Experiment running = get(e.id());
        assertThat(running.state().status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(running.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.RUNNING);

        var resolved = fis.listExperimentResolvedTargets(b -> b.experimentId(e.id())).join().resolvedTargets();
        assertThat(resolved).hasSize(2); // PERCENT(20) of 10 running workers
        List<String> arns = resolved.stream().map(r -> r.targetInformation().get("arn")).toList();
        assertThat(arns).allSatisfy(arn -> assertThat(local.inventory().resource(arn).orElseThrow()
                .text("State.Name")).hasValue("stopped"));

        clock.advance(Duration.ofMinutes(5));
        Experiment done = get(e.id());
        assertThat(done.state().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.COMPLETED);
        assertThat(Duration.between(done.actions().get("StopWorkers").startTime(),
                done.actions().get("StopWorkers").endTime())).isEqualTo(Duration.ofMinutes(5));
        assertThat(arns).allSatisfy(arn -> assertThat(local.inventory().resource(arn).orElseThrow()
                .text("State.Name")).hasValue("running"));
    }

    @Test
    void stopExperiment_midRun_goesStoppingThenStopped_andRestartsInstances() {
        Experiment e = start(create(nodeLoss("PT10M")).id());
        clock.advance(Duration.ofMinutes(3));

        Experiment stopping = fis.stopExperiment(b -> b.id(e.id())).join().experiment();
        assertThat(stopping.state().status()).isEqualTo(ExperimentStatus.STOPPING);
        clock.advance(Duration.ofSeconds(1));
        Experiment stopped = get(e.id());
        assertThat(stopped.state().status()).isEqualTo(ExperimentStatus.STOPPED);
        assertThat(stopped.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.STOPPED);
        assertThat(local.inventory().resources("aws:ec2:instance"))
                .allSatisfy(r -> assertThat(r.text("State.Name")).hasValue("running"));
    }

    @Test
    void startExperiment_sixthActive_isA402() {
        String id = create(nodeLoss("PT10M")).id();
        for (int i = 0; i < 5; i++) {
            start(id);
        }
        assertThatThrownBy(() -> start(id))
                .cause().isInstanceOf(ServiceQuotaExceededException.class)
                .satisfies(x -> assertThat(((ServiceQuotaExceededException) x).statusCode()).isEqualTo(402));
    }

    @Test
    void startExperiment_sameClientToken_startsOnce() {
        String id = create(nodeLoss("PT10M")).id();
        Experiment a = fis.startExperiment(b -> b.experimentTemplateId(id).clientToken("t")).join().experiment();
        Experiment b2 = fis.startExperiment(b -> b.experimentTemplateId(id).clientToken("t")).join().experiment();
        assertThat(b2.id()).isEqualTo(a.id());
        assertThat(fis.listExperiments(b -> b.experimentTemplateId(id)).join().experiments()).hasSize(1);
    }

    @Test
    void emptyTargets_failWithInvalidTarget_unlessSkip() {
        CreateExperimentTemplateRequest.Builder none = nodeLoss("PT5M").targets(Map.of("Workers",
                CreateExperimentTemplateTargetInput.builder().resourceType("aws:ec2:instance")
                        .resourceTags(Map.of("Environment", "Nowhere")).selectionMode("ALL").build()));
        Experiment failed = start(create(none).id());
        clock.advance(Duration.ofSeconds(2));
        Experiment f = get(failed.id());
        assertThat(f.state().status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(f.state().error().code()).isEqualTo("InvalidTarget");

        Experiment skipped = start(create(none.experimentOptions(o -> o.emptyTargetResolutionMode("skip"))).id());
        clock.advance(Duration.ofSeconds(2));
        Experiment s = get(skipped.id());
        assertThat(s.state().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(s.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.SKIPPED);
    }

    @Test
    void skipAll_previewsTargets_withoutTouchingThem() {
        Experiment e = fis.startExperiment(b -> b.experimentTemplateId(create(nodeLoss("PT5M")).id())
                .experimentOptions(o -> o.actionsMode("skip-all"))).join().experiment();
        clock.advance(Duration.ofSeconds(2));
        Experiment done = get(e.id());
        assertThat(done.state().status()).isEqualTo(ExperimentStatus.COMPLETED);
        assertThat(done.experimentOptions().actionsModeAsString()).isEqualTo("skip-all");
        assertThat(done.actions().get("StopWorkers").state().status()).isEqualTo(ExperimentActionStatus.SKIPPED);
        assertThat(fis.listExperimentResolvedTargets(b -> b.experimentId(e.id())).join().resolvedTargets()).hasSize(2);
        assertThat(local.inventory().events()).isEmpty();
    }
}
