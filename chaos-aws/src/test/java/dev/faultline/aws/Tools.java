package dev.faultline.aws;

import java.io.IOException;

/** Runs the Python tools of the machine image (found by {@code ExternalTools}). */
final class Tools {

    private Tools() {}

    /** Runs a process, returning its exit code and combined output. */
    static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }

    record Result(int code, String output) {}
}
