package dev.faultline.aws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of an IAM policy: an {@code Allow} of some actions on some resources, under
 * conditions, or (in a trust policy) of {@code sts:AssumeRole} to a service principal.
 *
 * @param sid the statement id (letters and digits)
 * @param principalService the service principal of a trust policy statement, or null
 * @param actions the IAM actions, such as {@code ec2:StopInstances}
 * @param resources the resource ARNs or patterns; empty in a trust policy
 * @param conditions the condition block: operator, then key, then values (insertion order kept)
 */
public record PolicyStatement(String sid, String principalService, List<String> actions, List<String> resources,
        Map<String, Map<String, List<String>>> conditions) {

    /**
     * Creates a statement, copying its collections.
     *
     * @param sid the statement id
     * @param principalService the service principal, or null
     * @param actions the IAM actions
     * @param resources the resources
     * @param conditions the conditions
     */
    public PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        conditions.forEach((op, keys) -> {
            Map<String, List<String>> inner = new LinkedHashMap<>();
            keys.forEach((k, v) -> inner.put(k, List.copyOf(v)));
            copy.put(op, Collections.unmodifiableMap(inner));
        });
        conditions = Collections.unmodifiableMap(copy);
    }
}
