package dev.faultline.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One target key of an action (a key of {@code actions.*.targets}, such as {@code Instances})
 * and the resource types a target under that key may have.
 *
 * <pre>{@code
 * TargetKeyDefinition key = catalog.action("aws:ec2:send-spot-instance-interruptions")
 *         .orElseThrow().targets().get("SpotInstances");
 * key.accepts("aws:ec2:spot-instance");    // true
 * }</pre>
 *
 * @param key           the target key, case-sensitive
 * @param resourceTypes the accepted resource types, in data-file order (unmodifiable)
 */
public record TargetKeyDefinition(String key, List<String> resourceTypes) {

    /**
     * Creates a target key, copying the list.
     *
     * @param key           the target key
     * @param resourceTypes the accepted resource types
     */
    public TargetKeyDefinition {
        Objects.requireNonNull(key, "key");
        resourceTypes = List.copyOf(resourceTypes);
    }

    /**
     * Tells whether a target of the given resource type may be used under this key.
     *
     * @param resourceType a resource type such as {@code aws:ec2:instance}
     * @return true when accepted
     */
    public boolean accepts(String resourceType) {
        return resourceTypes.contains(resourceType);
    }
}
