package dev.faultline.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real tools of the machine image (the pyenv {@code aws} CLI and {@code cfn-lint}) for the
 * tests that are the evidence of the docs' claims about them.
 *
 * <p>Outside CI a missing tool skips the test; under CI ({@code CI=true}, as {@code .ci/run}
 * and every CI service set it) a missing tool fails it, because {@code .ci/run} puts the tools
 * on the path. A tool that is found must report a version of the documented major line, at
 * least the documented version.
 */
public final class ExternalTools {

    /** The AWS CLI of the pyenv Python: {@code aws-cli/1.45.11 …}. */
    public static final Tool AWS = new Tool("aws", "aws-cli/", "1.45.11");
    /** cfn-lint of the pyenv Python: {@code cfn-lint 1.51.0}. */
    public static final Tool CFN_LINT = new Tool("cfn-lint", "cfn-lint ", "1.51.0");

    /** The exit codes cfn-lint documents for a lint that ran: no finding, warning, informational, or both. */
    public static final Set<Integer> CFN_LINT_CLEAN_EXITS = Set.of(0, 4, 8, 12);

    private static final Path SHIMS = Path.of(System.getProperty("user.home"), ".pyenv", "shims");

    private ExternalTools() {}

    /**
     * One external tool: its command name, the prefix of its version line and its documented version.
     *
     * @param name the command
     * @param versionPrefix what precedes the version number in {@code name --version}
     * @param documented the version the docs name
     */
    public record Tool(String name, String versionPrefix, String documented) {}

    /**
     * Whether this run is a CI run, where a missing tool is a failure.
     *
     * @param env the environment
     * @return true when {@code CI} is set to anything but {@code false}
     */
    public static boolean ci(Map<String, String> env) {
        String ci = env.get("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * Finds a tool in the pyenv shims, then on {@code PATH}, and checks its version.
     *
     * @param tool the tool
     * @return its path; the test is skipped (outside CI) or failed (under CI) when it is missing
     */
    public static Path require(Tool tool) {
        Optional<Path> found = find(tool.name(), System.getenv("PATH"));
        if (found.isEmpty()) {
            String why = tool.name() + " " + tool.documented() + " is not in " + SHIMS + " nor on PATH";
            if (ci(System.getenv())) {
                fail(why + "; CI must provide it (.ci/run puts the pyenv shims on PATH)");
            }
            assumeTrue(false, why + "; skipping (set CI=true to make this a failure)");
        }
        String line = versionLine(found.get());
        checkVersion(tool, line);
        return found.get();
    }

    /**
     * Asserts that a {@code --version} line names a version of the tool's documented major
     * line, at least the documented version.
     *
     * @param tool the tool
     * @param line the first line of {@code tool --version}
     */
    public static void checkVersion(Tool tool, String line) {
        Matcher m = Pattern.compile(Pattern.quote(tool.versionPrefix()) + "(\\d+)\\.(\\d+)\\.(\\d+)").matcher(line);
        assertThat(m.find()).as("%s --version printed %s; expected %s%s", tool.name(), line,
                tool.versionPrefix(), tool.documented()).isTrue();
        int[] got = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
        String[] want = tool.documented().split("\\.");
        assertThat(got[0]).as("%s major version in %s", tool.name(), line).isEqualTo(Integer.parseInt(want[0]));
        int cmp = 0;
        for (int i = 0; i < 3 && cmp == 0; i++) {
            cmp = Integer.compare(got[i], Integer.parseInt(want[i]));
        }
        assertThat(cmp).as("%s is older than the documented %s: %s", tool.name(), tool.documented(), line)
                .isGreaterThanOrEqualTo(0);
    }

    /**
     * Asserts that cfn-lint ran to the end without an error finding: its exit code is one of
     * 0, 4, 8 or 12 (a crash exits 1, errors set bit 2, bad arguments 32).
     *
     * @param exit the exit code
     * @param output what it printed, shown on failure
     */
    public static void assertCfnLintClean(int exit, String output) {
        assertThat(exit).as("cfn-lint exit code %d (0, 4, 8 or 12 expected); output:%n%s", exit, output)
                .isIn(CFN_LINT_CLEAN_EXITS);
    }

    static Optional<Path> find(String name, String path) {
        Path shim = SHIMS.resolve(name);
        if (Files.isExecutable(shim)) {
            return Optional.of(shim);
        }
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }

    private static String versionLine(Path tool) {
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of(tool.toString(), "--version")).redirectErrorStream(true);
            pb.environment().put("PATH", SHIMS + File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail(tool + " --version did not finish in 60 s");
            }
            return new String(out, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return fail(tool + " --version could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
