package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.aws.FisCompiler;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * A controller JVM sent SIGTERM at each moment of a start leaves nothing behind: no experiment
 * still going and no template, in LocalFis (one simulated second per wall-clock second). A proxy
 * between the controller and LocalFis holds the chosen call so that the signal arrives while it
 * is in flight. The controller's engine has a 20 s grace period.
 */
@Timeout(240)
class FisEngineShutdownGuardTest {

    private LocalFis localFis;
    private FisAsyncClient fis;
    private HoldingProxy proxy;
    private ForkedChild child;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        localFis = LocalFis.builder().clock(Clocks.scaled(Duration.ofSeconds(1), Duration.ofSeconds(1))).seed(5)
                .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                .alarms(a -> a.create(EngineFixture.ALARM)).start();
        fis = SdkClients.fis(localFis);
        proxy = new HoldingProxy(localFis.endpoint());
    }

    @AfterEach
    void tearDown() throws IOException {
        if (child != null) {
            child.close();
        }
        proxy.close();
        fis.close();
        localFis.close();
    }

    /** Forks a controller through the proxy, polling every 200 ms, logging at INFO. */
    private void fork(double callsPerSecond, String mode) throws IOException {
        fork(callsPerSecond, mode, false);
    }

    /** Forks a controller through the proxy, with or without the target preview before its start. */
    private void fork(double callsPerSecond, String mode, boolean preview) throws IOException {
        child = ForkedChild.start(dir, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
                "endpoint=" + proxy.endpoint(), "alarm=" + localFis.alarms().arnOf(EngineFixture.ALARM),
                "calls=" + callsPerSecond, "pollMillis=200", "mode=" + mode, "preview=" + preview);
    }

    private String line() {
        return child.line();
    }

    private String log() {
        return child.log();
    }

    /** SIGTERM, then the child must exit within its grace period (20 s) plus JVM start-up slack. */
    private void terminateAndAwaitExit() {
        child.terminate();
        child.assertExits(Duration.ofSeconds(60));
    }

    private void assertNothingLeft() {
        for (ExperimentSummary e : fis.listExperiments(b -> { }).join().experiments()) {
            String status = localFis.experimentStatus(e.id()).orElseThrow();
            assertThat(status).as("experiment %s; child log: %s", e.id(), log())
                    .isIn("stopped", "completed", "cancelled", "failed");
        }
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates())
                .as("templates left; child log: %s", log()).isEmpty();
    }

    @Test
    void sigterm_duringCreate_theTemplateCreatedMeanwhileIsDeleted() throws Exception {
        HoldingProxy.Rule create = proxy.rule("POST", "/experimentTemplates", HoldingProxy.Mode.HOLD_ANSWER);
        fork(500, "start");
        create.awaitSeen();

        child.terminate();
        Thread.sleep(300);
        create.release();

        child.assertExits(Duration.ofSeconds(60));
        assertThat(fis.listExperiments(b -> { }).join().experiments()).as("never started").isEmpty();
        assertNothingLeft();
        assertThat(log()).contains("aborting an unfinished start");
    }

    @Test
    void sigterm_betweenCreateAndStart_noStartIsSent_andTheTemplateIsDeleted() throws Exception {
        HoldingProxy.Rule create = proxy.rule("POST", "/experimentTemplates", HoldingProxy.Mode.SIGNAL);
        HoldingProxy.Rule start = proxy.rule("POST", "/experiments", HoldingProxy.Mode.SIGNAL);
        fork(0.5, "start"); // two seconds between calls: the start waits for the rate limiter
        create.awaitSeen();

        terminateAndAwaitExit();

        assertThat(start.hits()).as("StartExperiment was never sent").isZero();
        assertThat(fis.listExperiments(b -> { }).join().experiments()).isEmpty();
        assertNothingLeft();
    }

    @Test
    void sigterm_duringStart_whoseAnswerIsLost_theExperimentIsFoundByItsRunTagStoppedAndItsTemplateDeleted()
            throws Exception {
        HoldingProxy.Rule start = proxy.rule("POST", "/experiments", HoldingProxy.Mode.DROP_ANSWER);
        fork(500, "start");
        start.awaitSeen();

        child.terminate();
        Thread.sleep(300);
        start.release();

        child.assertExits(Duration.ofSeconds(60));
        assertThat(fis.listExperiments(b -> { }).join().experiments()).as("started once").hasSize(1);
        assertNothingLeft();
    }

    @Test
    void sigterm_duringTheFirstPoll_theRunIsStoppedAndItsTemplateDeleted() throws Exception {
        HoldingProxy.Rule poll = proxy.rule("GET", "/experiments/", HoldingProxy.Mode.HOLD_ANSWER);
        fork(500, "start");
        poll.awaitSeen();

        child.terminate();
        Thread.sleep(300);
        poll.release();

        child.assertExits(Duration.ofSeconds(60));
        assertThat(fis.listExperiments(b -> { }).join().experiments()).hasSize(1);
        assertNothingLeft();
        assertThat(log()).contains("stopping experiment");
    }

    @Test
    void sigterm_whileRunning_aStopThatFailsOnceIsSentAgain() throws Exception {
        HoldingProxy.Rule stop = proxy.rule("DELETE", "/experiments/", HoldingProxy.Mode.FAIL);
        fork(500, "start");
        assertThat(line()).isEqualTo("STARTING");
        assertThat(line()).startsWith("STARTED ");

        terminateAndAwaitExit();

        assertThat(stop.hits()).as("the first StopExperiment failed").isEqualTo(1);
        assertNothingLeft();
    }

    @Test
    void sigterm_duringTheTargetPreview_itsExperimentIsStoppedAndItsTemplateDeleted() throws Exception {
        HoldingProxy.Rule previewPoll = proxy.rule("GET", "/experiments/", HoldingProxy.Mode.HOLD_ANSWER);
        HoldingProxy.Rule start = proxy.rule("POST", "/experiments", HoldingProxy.Mode.SIGNAL);
        fork(500, "start", true);
        previewPoll.awaitSeen(); // the preview's skip-all experiment exists, its first poll is in flight

        child.terminate();
        Thread.sleep(300);
        previewPoll.release();

        child.assertExits(Duration.ofSeconds(60));
        assertThat(start.hits()).as("only the preview's StartExperiment").isEqualTo(1);
        assertNothingLeft();
        assertThat(log()).contains("aborting an unfinished start");
    }

    @Test
    void sigterm_anAttachedRunIsLeftAlone() throws Exception {
        String template = fis.createExperimentTemplate(FisCompiler.create().createRequest(
                EngineFixture.nodeLossDraft(localFis, "Worker", Duration.ofMinutes(30)).build(), "other"))
                .join().experimentTemplate().id();
        String experiment = fis.startExperiment(b -> b.experimentTemplateId(template).clientToken("other"))
                .join().experiment().id();
        fork(500, "attach:" + experiment);
        assertThat(line()).isEqualTo("ATTACHED " + experiment);

        terminateAndAwaitExit();

        assertThat(localFis.experimentStatus(experiment)).hasValueSatisfying(status -> assertThat(status)
                .as("not stopped by the attached controller").isIn("pending", "initiating", "running"));
        assertThat(fis.listExperimentTemplates(b -> { }).join().experimentTemplates()).hasSize(1);
    }
}
