package dev.faultline.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Python tools of the machine image (pyenv shims) the way CI does. */
final class Tools {

    private Tools() {}

    static Optional<Path> find(String name) {
        Path shim = Path.of(System.getProperty("user.home"), ".pyenv", "shims", name);
        if (Files.isExecutable(shim)) {
            return Optional.of(shim);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a tool a test needs: skips the test when it is missing on a developer's machine, and
     * fails it under {@code CI=true}, where a missing tool means a broken image, not a pass.
     */
    static Path require(String name) {
        Optional<Path> tool = find(name);
        if (tool.isEmpty() && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(name + " is missing ($HOME/.pyenv/shims/" + name + "); CI=true requires it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(tool.isPresent(),
                name + " ($HOME/.pyenv/shims/" + name + ") is not installed");
        return tool.get();
    }

    /**
     * Asserts that cfn-lint ran and found no error. Its exit code is a bit mask (2 error,
     * 4 warning, 8 informational): 0, 4, 8 and 12 pass, 2, 6, 10 and 14 are errors, and any
     * other code means cfn-lint itself failed.
     */
    static void assertNoCfnLintError(Result result) {
        int code = result.code();
        if (code < 0 || code > 14 || (code & 1) != 0) {
            throw new AssertionError("cfn-lint crashed (exit code " + code + "):\n" + result.output());
        }
        if ((code & 2) != 0 || result.output().contains(":E")) {
            throw new AssertionError("cfn-lint reports errors (exit code " + code + "):\n" + result.output());
        }
    }

    /** Runs a process, returning its exit code and combined output. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    record Result(int code, String output) {}
}
