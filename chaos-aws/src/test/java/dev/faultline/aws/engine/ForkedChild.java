package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ForkedController} in its own JVM, for the tests that kill or terminate a controller:
 * started with settings, its standard output read line by line, its standard error kept in a
 * log file that every failure message quotes, and killed on {@link #close()} if still alive.
 *
 * <pre>{@code
 * try (ForkedChild child = ForkedChild.start(dir, List.of(), "endpoint=" + uri, "alarm=" + arn)) {
 *     String experimentId = child.awaitLine("STARTED ");
 *     child.terminate();
 * }
 * }</pre>
 */
final class ForkedChild implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final Path log;

    private ForkedChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts a controller JVM with this test's class path.
     *
     * @param dir where its log goes ({@code child.log})
     * @param jvmOptions options before the main class, for example a log level
     * @param settings the controller's {@code key=value} settings
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    static ForkedChild start(Path dir, List<String> jvmOptions, String... settings) throws IOException {
        Path log = dir.resolve("child.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(jvmOptions);
        command.add(ForkedController.class.getName());
        command.addAll(List.of(settings));
        return new ForkedChild(new ProcessBuilder(command).redirectError(log.toFile()).start(), log);
    }

    /**
     * Starts a controller against a fixture's LocalFis, with its alarm as stop condition.
     *
     * @param fx the fixture
     * @param dir where the log goes
     * @param settings more settings
     * @return the running child
     * @throws IOException if the JVM cannot be started
     */
    static ForkedChild against(EngineFixture fx, Path dir, String... settings) throws IOException {
        List<String> all = new ArrayList<>(List.of("endpoint=" + fx.localFis.endpoint(),
                "alarm=" + fx.localFis.alarms().arnOf(EngineFixture.ALARM)));
        all.addAll(List.of(settings));
        return start(dir, List.of(), all.toArray(String[]::new));
    }

    /**
     * The next line the child prints, failing (with its log) if it exits first.
     *
     * @return the line
     */
    String line() {
        try {
            String line = out.readLine();
            assertThat(line).as("child output; its log: %s", log()).isNotNull();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads lines until one starts with a prefix.
     *
     * @param prefix for example {@code "STARTED "}
     * @return the rest of that line, trimmed
     */
    String awaitLine(String prefix) {
        while (true) {
            String line = line();
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
    }

    /**
     * The child's standard error so far.
     *
     * @return the log text, empty when there is none yet
     */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Sends SIGTERM: the JVM runs its shutdown hooks. */
    void terminate() {
        process.destroy();
    }

    /** Sends SIGKILL: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Asserts that the child exits within a deadline (a bound for hangs, not a timing claim).
     *
     * @param within the deadline
     */
    void assertExits(Duration within) {
        try {
            assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the child exits; its log: %s", log()).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        out.close();
    }

    /**
     * The tear-down of a test that forks a child against a fixture: closes the child, if one was started, then
     * the fixture, even when closing the child fails.
     */
    static void closeThen(ForkedChild child, EngineFixture fx) throws IOException {
        try {
            if (child != null) {
                child.close();
            }
        } finally {
            fx.close();
        }
    }
}
