package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A controller JVM sent SIGTERM mid-run stops the experiment it started, in its shutdown hook. */
@Timeout(120)
class FisEngineShutdownTest {

    private EngineFixture fx;
    private Process child;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
    }

    @AfterEach
    void tearDown() {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
        }
        fx.close();
    }

    @Test
    void sigterm_midRun_theShutdownHookStopsTheExperiment() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("child.log").toFile();
        child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ForkedEngineMain.class.getName(), fx.localFis.endpoint().toString(),
                fx.localFis.alarms().arnOf(EngineFixture.ALARM)))
                .redirectError(log)
                .start();
        String experimentId;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child output; its log: %s", log).isNotNull().startsWith("STARTED ");
            experimentId = line.substring("STARTED ".length()).trim();

            fx.clock.advance(Duration.ofSeconds(2));
            assertThat(fx.localFis.experimentStatus(experimentId)).contains("running");

            child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            await(() -> !"running".equals(fx.localFis.experimentStatus(experimentId).orElse("")));
            assertThat(fx.localFis.experimentStatus(experimentId)).contains("stopping");
            fx.clock.advance(Duration.ofSeconds(1));
            assertThat(fx.localFis.experimentStatus(experimentId)).contains("stopped");
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits after its hook").isTrue();
        }
        var experiment = fx.fis.getExperiment(b -> b.id(experimentId)).join().experiment();
        assertThat(experiment.state().reason()).isNotBlank();
        assertThat(Files.readString(log.toPath())).contains("JVM shutdown: stopping experiment");
    }
}
