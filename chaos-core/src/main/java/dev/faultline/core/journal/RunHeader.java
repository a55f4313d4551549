package dev.faultline.core.journal;

import dev.faultline.core.engine.Preflight;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is known of a run when it begins: its ids, where and by whom it runs, the experiment as
 * run (its template JSON, Faultline's own fields included, which FIS itself forgets) with the
 * SHA-256 of that JSON, and the preflight that let it start. Text that is unknown is empty.
 *
 * @param runId the journal's id of the run
 * @param startedAt when the engine started (or attached to) the run
 * @param experimentId the service's experiment id
 * @param templateId the template id, empty when unknown
 * @param experimentName the experiment's name, empty when it has none
 * @param account the AWS account, empty when unknown
 * @param region the AWS Region, empty when unknown
 * @param actor who started the run
 * @param tags the experiment's and the run's tags
 * @param templateJson the experiment as template JSON
 * @param templateSha256 the SHA-256 of {@code templateJson}'s UTF-8 bytes, in lower-case hex
 * @param attached true when the engine attached to a run it did not start
 * @param preflight the validation and preflight checks (empty for an attached run)
 */
public record RunHeader(String runId, Instant startedAt, String experimentId, String templateId,
        String experimentName, String account, String region, String actor, Map<String, String> tags,
        String templateJson, String templateSha256, boolean attached, Preflight preflight) {

    /**
     * Checks the components and copies the tags (sorted by key).
     *
     * @param runId the run id
     * @param startedAt the start
     * @param experimentId the experiment id
     * @param templateId the template id
     * @param experimentName the name
     * @param account the account
     * @param region the Region
     * @param actor the actor
     * @param tags the tags
     * @param templateJson the template JSON
     * @param templateSha256 its SHA-256
     * @param attached whether attached
     * @param preflight the preflight
     */
    public RunHeader {
        requireText(runId, "runId");
        Objects.requireNonNull(startedAt, "startedAt");
        requireText(experimentId, "experimentId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(experimentName, "experimentName");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(actor, "actor");
        tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        Objects.requireNonNull(templateJson, "templateJson");
        Objects.requireNonNull(templateSha256, "templateSha256");
        Objects.requireNonNull(preflight, "preflight");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * The SHA-256 of a text's UTF-8 bytes.
     *
     * @param text the text
     * @return 64 lower-case hex digits
     */
    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    /**
     * Tells whether the template JSON still matches its recorded SHA-256.
     *
     * @return false when the JSON was altered after it was journaled
     */
    public boolean templateIntact() {
        return sha256(templateJson).equals(templateSha256);
    }
}
