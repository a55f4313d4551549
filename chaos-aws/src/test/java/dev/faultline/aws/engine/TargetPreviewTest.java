package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.PreflightCheck.Status;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.Faults;
import dev.faultline.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.DeleteExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;
import software.amazon.awssdk.services.fis.model.StopExperimentRequest;

@Timeout(60)
class TargetPreviewTest {

    private static final RunOptions OPTIONS = RunOptions.builder().putTag("team", "payments").build();

    private PreflightFixture fx;
    private RecordingFis recording;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private TargetPreview preview(Duration timeout) {
        recording = new RecordingFis(fx.fis);
        EngineContext context = new EngineContext(recording, fx.cloudWatch, null, fx.calls, fx.context.metrics,
                Validator.standard(), PreflightFixture.CONFIG, fx.local.clock(), fx.scheduler);
        return new TargetPreview(context, timeout);
    }

    private TargetPreview.Result run(Experiment e) {
        return preview(TargetPreview.DEFAULT_TIMEOUT).run(e, OPTIONS).join();
    }

    private ExperimentSummary onlyExperiment() {
        List<ExperimentSummary> all = fx.experiments();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private void assertTemplateDeleted() {
        assertThat(fx.templates()).isEmpty();
        String id = recording.sent(CreateExperimentTemplateRequest.class).isEmpty() ? null
                : recording.sent(DeleteExperimentTemplateRequest.class).get(0).id();
        assertThat(id).startsWith("EXT");
    }

    @Test
    void run_manualClockAdvancedWhileWaiting_resolvesTheTargetsAndDeletesTheTemplate() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.pump(clock);

        TargetPreview.Result r = run(fx.nodeLoss("Worker").build());

        assertThat(r.check().status()).isEqualTo(Status.PASSED);
        assertThat(r.check().name()).isEqualTo(PreflightCheck.TARGETS);
        assertThat(r.check().message()).isEqualTo("1 target(s) resolved: Workers -> 2 resource(s)");
        assertThat(r.resolved()).containsOnlyKeys("Workers");
        assertThat(r.resolved().get("Workers")).hasSize(2)
                .allMatch(arn -> arn.startsWith("arn:aws:ec2:us-east-1:" + fx.local.account() + ":instance/"));
        assertTemplateDeleted();
        ExperimentSummary e = onlyExperiment();
        assertThat(e.state().statusAsString()).isEqualTo("completed");
        assertThat(fx.local.inventory().events()).isEmpty();
    }

    @Test
    void run_scaledClock_resolvesTheTargetsWithoutHelp() {
        fx = PreflightFixture.start(Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(50)));

        TargetPreview.Result r = run(fx.nodeLoss("Worker").build());

        assertThat(r.check().status()).isEqualTo(Status.PASSED);
        assertThat(r.resolved().get("Workers")).hasSize(2);
        assertTemplateDeleted();
        assertThat(onlyExperiment().state().statusAsString()).isEqualTo("completed");
    }

    @Test
    void run_tagsTheTemplateAndExperimentAndStartsSkipAllWithClientTokens() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.pump(clock);

        run(fx.nodeLoss("Worker").tag("Owner", "payments").build());

        CreateExperimentTemplateRequest create = recording.sent(CreateExperimentTemplateRequest.class).get(0);
        String previewRun = create.tags().get("faultline:run");
        assertThat(previewRun).as("the preview's own run tag, which the shutdown guard sweeps by").isNotBlank();
        Map<String, String> expected = Map.of("Owner", "payments", "team", "payments",
                "faultline:owner", "preflight-test", "faultline:purpose", "preview", "faultline:run", previewRun);
        assertThat(create.tags()).isEqualTo(expected);
        assertThat(create.clientToken()).isNotBlank();
        StartExperimentRequest start = recording.sent(StartExperimentRequest.class).get(0);
        assertThat(start.experimentOptions().actionsMode()).isEqualTo(ActionsMode.SKIP_ALL);
        assertThat(start.clientToken()).isNotBlank();
        assertThat(start.tags()).isEqualTo(expected);
        assertThat(onlyExperiment().tags()).isEqualTo(expected);
    }

    @Test
    void run_targetResolvesNothing_failsNamingTheTargetAndTheFix() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.pump(clock);

        TargetPreview.Result r = run(fx.nodeLoss("Nobody").build());

        assertThat(r.check().status()).isEqualTo(Status.FAILED);
        assertThat(r.check().message()).startsWith("TargetResolutionFailed: target \"Workers\" did not resolve (InvalidTarget:")
                .contains("resource tags, filters, selection mode and resource ARNs")
                .contains("emptyTargetResolutionMode=skip");
        assertThat(r.resolved()).isEmpty();
        assertTemplateDeleted();
        assertThat(onlyExperiment().state().statusAsString()).isEqualTo("failed");
    }

    @Test
    void run_targetResolvesNothingUnderSkip_warnsNamingTheTarget() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.pump(clock);

        TargetPreview.Result r = run(fx.nodeLoss("Nobody").skipEmptyTargets().build());

        assertThat(r.check().status()).isEqualTo(Status.WARNING);
        assertThat(r.check().message()).startsWith("target(s) \"Workers\" resolved no resources")
                .contains("would be skipped");
        assertThat(r.resolved()).containsExactly(Map.entry("Workers", List.of()));
        assertTemplateDeleted();
    }

    @Test
    void run_experimentNeverEnds_givesUpStopsItAndDeletesTheTemplate() {
        fx = PreflightFixture.start(Clocks.manual());

        TargetPreview.Result r = preview(Duration.ofMillis(50)).run(fx.nodeLoss("Worker").build(), OPTIONS).join();

        assertThat(r.check().status()).isEqualTo(Status.FAILED);
        assertThat(r.check().message()).contains("did not end within PT0.05S (still pending); it was stopped");
        assertThat(recording.sent(StopExperimentRequest.class)).hasSize(1);
        assertTemplateDeleted();
        assertThat(onlyExperiment().state().statusAsString()).isIn("stopping", "stopped");
    }

    @Test
    void run_safetyLeverEngaged_failsSayingTheRunWouldBeCancelled() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.local.engageSafetyLever("game day over");

        TargetPreview.Result r = run(fx.nodeLoss("Worker").build());

        assertThat(r.check().status()).isEqualTo(Status.FAILED);
        assertThat(r.check().message()).contains("was cancelled").contains("safety lever");
        assertTemplateDeleted();
    }

    @Test
    void run_templateCannotBeCreated_failsWithTheServiceError() {
        fx = PreflightFixture.start(Clocks.manual());
        fx.local.faults(Faults.builder().serverErrors(1.0).build());

        TargetPreview.Result r = run(fx.nodeLoss("Worker").build());
        fx.local.faults(Faults.none());

        assertThat(r.check().status()).isEqualTo(Status.FAILED);
        assertThat(r.check().message()).startsWith("could not create the preview template: CreateExperimentTemplate failed");
        assertThat(recording.sent(StartExperimentRequest.class)).isEmpty();
        assertThat(fx.templates()).isEmpty();
    }

    @Test
    void run_templateCannotBeDeleted_warnsNamingIt() {
        ManualClock clock = Clocks.manual();
        fx = PreflightFixture.start(clock);
        fx.pump(clock);
        TargetPreview preview = preview(TargetPreview.DEFAULT_TIMEOUT);
        recording.refuseDelete = true;

        TargetPreview.Result r = preview.run(fx.nodeLoss("Worker").build(), OPTIONS).join();

        String id = fx.templates().get(0).id();
        assertThat(r.check().status()).isEqualTo(Status.WARNING);
        assertThat(r.check().message()).contains("the preview template " + id).contains("delete it by hand");
        assertThat(r.resolved().get("Workers")).hasSize(2);
    }
}
