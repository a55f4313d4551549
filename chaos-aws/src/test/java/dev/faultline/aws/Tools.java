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

    /** Runs a process, returning its exit code and combined output. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    record Result(int code, String output) {}
}
