package dev.faultline.temporal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Client tokens and the run tag derived from a workflow execution, so every retry of an activity
 * sends the same token (FIS then answers with what the first attempt created) and another
 * execution of the same workflow id gets new ones.
 */
final class Tokens {

    private Tokens() {}

    /**
     * A token for one purpose of one workflow execution.
     *
     * @param workflowId the workflow id
     * @param runId the workflow's run id
     * @param purpose {@code template}, {@code experiment} or {@code run}
     * @return a name-based UUID (36 characters, within FIS's 64)
     */
    static String of(String workflowId, String runId, String purpose) {
        return UUID.nameUUIDFromBytes((workflowId + "\n" + runId + "\n" + purpose).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
