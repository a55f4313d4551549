package dev.faultline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A test that embeds LocalFis without an SLF4J binding sees no "No SLF4J providers" warning. */
class NoBindingTest {

    /** Starts and stops a LocalFis, logging through SLF4J on the way. */
    public static final class Main {
        private Main() {}

        /**
         * Runs LocalFis once.
         *
         * @param args not used
         */
        public static void main(String[] args) {
            try (LocalFis fis = LocalFis.builder().start()) {
                fis.tick();
            }
        }
    }

    private static String run(String... jvmOptions) throws Exception {
        // Surefire's own class path is a manifest-only jar; it names the test class path here
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String classPath = Stream.of(full.split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, Main.class.getName()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void withoutABinding_slf4jSaysNothing() throws Exception {
        assertThat(run()).doesNotContain("SLF4J");
    }

    @Test
    void aVerbosityTheUserChose_isKept_soTheWarningShows() throws Exception {
        assertThat(run("-Dslf4j.internal.verbosity=WARN")).contains("SLF4J(W): No SLF4J providers were found");
    }
}
