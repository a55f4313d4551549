package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options {@code ./faultline} gives each command (docs/performance.md, "Cold start" and
 * "Many files"; docs/ci.md): the client compiler and the serial collector for the short commands
 * and for a lint of directories, not for a long-running one, and {@code FAULTLINE_JAVA_OPTS} after
 * all of them. The script runs from a copy beside a jar it takes as fresh, with a {@code java} on
 * the path that prints its arguments instead of starting a JVM.
 */
class LauncherOptionsTest {

    @TempDir
    Path root;

    @BeforeEach
    void launcherBesideAFreshJar() throws Exception {
        Path script = Files.copy(Path.of(System.getProperty("user.dir")).resolveSibling("faultline"), root.resolve("faultline"));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("chaos-cli/target"));
        Files.writeString(root.resolve("chaos-cli/target/faultline.jar"), "");
        Files.createDirectories(root.resolve("bin"));
        Path java = Files.writeString(root.resolve("bin/java"), "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("templates"));
    }

    @Test
    void lintOfADirectory_runsOnTheClientCompiler() throws Exception {
        List<String> args = launch(null, "lint", root.resolve("templates").toString());
        assertThat(args).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        assertThat(args.subList(args.indexOf("-jar"), args.size())).containsExactly("-jar",
                root.resolve("chaos-cli/target/faultline.jar").toString(), "lint", root.resolve("templates").toString());
    }

    @Test
    void aLongRunningCommand_keepsBothCompilers() throws Exception {
        assertThat(launch(null, "worker")).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    @Test
    void faultlineJavaOpts_comeAfterTheLaunchersOwn() throws Exception {
        List<String> args = launch("-Xmx2g -XX:TieredStopAtLevel=4", "lint", "a.json");
        int own = args.indexOf("-XX:TieredStopAtLevel=1");
        assertThat(own).isNotNegative();
        assertThat(args.indexOf("-Xmx2g")).isGreaterThan(own);
        assertThat(args.indexOf("-XX:TieredStopAtLevel=4")).isGreaterThan(own).isLessThan(args.indexOf("-jar"));
    }

    /** The arguments the launcher gives {@code java} for a command. */
    private List<String> launch(String javaOpts, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash", root.resolve("faultline").toString()));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        if (javaOpts == null) {
            builder.environment().remove("FAULTLINE_JAVA_OPTS");
        } else {
            builder.environment().put("FAULTLINE_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
