package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A controller JVM sent SIGTERM mid-run stops the experiment it started, in its shutdown hook. */
@Timeout(120)
class FisEngineShutdownTest {

    private final EngineFixture fx = new EngineFixture();
    private ForkedChild child;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        ForkedChild.closeThen(child, fx);
    }

    @Test
    void sigterm_midRun_theShutdownHookStopsTheExperiment() throws Exception {
        child = ForkedChild.against(fx, dir);
        String experimentId = child.awaitLine("STARTED ");

        fx.clock.advance(Duration.ofSeconds(2));
        assertThat(fx.localFis.experimentStatus(experimentId)).contains("running");

        child.terminate(); // SIGTERM: the JVM runs its shutdown hooks
        await(() -> !"running".equals(fx.localFis.experimentStatus(experimentId).orElse("")));
        assertThat(fx.localFis.experimentStatus(experimentId)).contains("stopping");
        fx.clock.advance(Duration.ofSeconds(1));
        assertThat(fx.localFis.experimentStatus(experimentId)).contains("stopped");
        child.assertExits(Duration.ofSeconds(60));

        var experiment = fx.fis.getExperiment(b -> b.id(experimentId)).join().experiment();
        assertThat(experiment.state().reason()).isNotBlank();
        assertThat(child.log()).contains("JVM shutdown: stopping experiment");
    }
}
