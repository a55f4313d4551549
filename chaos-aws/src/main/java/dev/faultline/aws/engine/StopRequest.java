package dev.faultline.aws.engine;

import dev.faultline.core.engine.StopSource;
import java.util.Objects;

/**
 * Why a run was stopped: who asked, and the reason given.
 *
 * @param source who asked
 * @param reason why
 */
record StopRequest(StopSource source, String reason) {
    /**
     * Checks the components.
     *
     * @param source who asked
     * @param reason why
     */
    StopRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }
}
