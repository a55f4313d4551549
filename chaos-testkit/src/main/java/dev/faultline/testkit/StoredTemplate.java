package dev.faultline.testkit;

import dev.faultline.core.model.Experiment;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A template as LocalFis keeps it; guarded by the engine's lock. */
final class StoredTemplate {

    final String id;
    final String arn;
    final Instant creationTime;
    Instant lastUpdateTime;
    Experiment body;
    final Map<String, TargetAccount> accounts = new LinkedHashMap<>();

    StoredTemplate(String id, String arn, Instant now, Experiment body) {
        this.id = id;
        this.arn = arn;
        this.creationTime = now;
        this.lastUpdateTime = now;
        this.body = body;
    }

    /** A target account configuration. */
    record TargetAccount(String accountId, String roleArn, String description) {}
}
