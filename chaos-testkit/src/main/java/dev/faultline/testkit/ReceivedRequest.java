package dev.faultline.testkit;

import java.util.Objects;

/**
 * One HTTP request as LocalFis received it, for tests that check what reached the wire (a
 * client's rate cap, a re-sent call): when it arrived on LocalFis's side and what it asked.
 *
 * @param receivedNanos {@link System#nanoTime()} when LocalFis read the request, before any fault
 * @param method the HTTP method, for example {@code DELETE}
 * @param path the raw path, for example {@code /experiments/EXP1}
 */
public record ReceivedRequest(long receivedNanos, String method, String path) {

    /**
     * Checks the fields.
     *
     * @param receivedNanos when it arrived
     * @param method the HTTP method
     * @param path the raw path
     */
    public ReceivedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Whether this is a FIS {@code StopExperiment} ({@code DELETE /experiments/{id}}).
     *
     * @return true for a stop
     */
    public boolean isStopExperiment() {
        return method.equals("DELETE") && path.startsWith("/experiments/");
    }
}
