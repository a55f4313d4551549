package dev.faultline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Chaos;
import dev.faultline.dsl.ExperimentDraft;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code jshell/*.jsh} script non-interactively with the JDK's {@code jshell}, the DSL
 * on the class path and the startup script's imports, and checks what it prints: no staging
 * error, and the same FIS JSON as the example program that builds the same experiment.
 *
 * <p>No clock to make manual: neither the scripts nor the checks read the time (an experiment is only
 * built and printed). The one real-time wait is for the {@code jshell} child processes themselves, which
 * a fake clock cannot speed up; it has a deadline ({@link #DEADLINE_SECONDS}) and a message naming the
 * script, and a process still alive when the tests end (one that missed its deadline) is killed, so
 * nothing is left behind.
 */
class JShellScriptsTest {

    private static final Path SCRIPTS = Path.of("jshell");
    private static final Path STARTUP = SCRIPTS.resolve("faultline-startup.jsh");
    private static final Map<String, Supplier<ExperimentDraft>> SAME_AS = Map.of(
            "compute-node-loss.jsh", ComputeNodeLoss::experimentDraft,
            "cpu-stress.jsh", CpuStress::experimentDraft,
            "network-latency.jsh", NetworkLatency::experimentDraft,
            "aurora-failover.jsh", AuroraFailover::experimentDraft,
            "az-power-interruption.jsh", AzPowerInterruption::experimentDraft,
            "multi-metric-stop-condition.jsh", MultiMetricStopCondition::experimentDraft);

    /** How long a script may take, JShell's start-up included: generous, a deadline for hangs. */
    private static final long DEADLINE_SECONDS = 120;

    /** The scripts run in parallel (JShell takes seconds to start), once for all tests. */
    private static final Map<String, Process> RUNS = new LinkedHashMap<>();
    private static final Map<String, Path> OUTPUTS = new LinkedHashMap<>();

    static List<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsh") && !n.equals(STARTUP.getFileName().toString()))
                    .sorted().collect(Collectors.toList());
        }
    }

    @BeforeAll
    static void runAll() throws IOException {
        Path jshell = Path.of(System.getProperty("java.home"), "bin", "jshell");
        for (String script : scripts()) {
            Path out = Files.createTempFile("jshell-" + script, ".out");
            out.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(jshell.toString(), "-s", "--class-path", classPath(),
                    "--startup", "DEFAULT", "--startup", STARTUP.toString(), SCRIPTS.resolve(script).toString())
                    .redirectErrorStream(false)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            RUNS.put(script, builder.start());
            OUTPUTS.put(script, out);
        }
    }

    @AfterAll
    static void killTheLeftOvers() throws InterruptedException {
        for (Process p : RUNS.values()) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        RUNS.clear();
        OUTPUTS.clear();
    }

    private static String classPath() {
        return Stream.of(Chaos.class, Experiment.class, JsonFactory.class, ObjectMapper.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class, org.slf4j.LoggerFactory.class)
                .map(JShellScriptsTest::location)
                .distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("scripts")
    void script_printsNoStagingError_andTheExamplesTemplate(String script) throws Exception {
        Process process = RUNS.get(script);
        assertThat(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS))
                .as("jshell %s finished within %s s", script, DEADLINE_SECONDS).isTrue();
        String printed = Files.readString(OUTPUTS.get(script), StandardCharsets.UTF_8);

        assertThat(printed).as(script).startsWith("staging errors: 0\n");
        assertThat(SAME_AS).as("an example program for " + script).containsKey(script);
        ObjectMapper json = new ObjectMapper();
        JsonNode fromScript = json.readTree(printed.substring(printed.indexOf('\n') + 1));
        JsonNode fromProgram = json.readTree(SAME_AS.get(script).get().toJson());
        assertThat(fromScript).as(script).isEqualTo(fromProgram);
        assertThat(process.exitValue()).isZero();
    }
}
