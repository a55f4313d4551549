package dev.faultline.testkit;

import java.time.Instant;
import java.util.Objects;

/**
 * Something an experiment did to a simulated resource, in the order it happened.
 *
 * @param time the simulated time
 * @param experimentId the experiment that did it
 * @param actionName the action's name in the template
 * @param resourceArn the resource
 * @param change what changed, for example {@code State.Name: running -> stopped}
 */
public record InventoryEvent(Instant time, String experimentId, String actionName, String resourceArn,
        String change) {

    /**
     * Checks that no component is null.
     *
     * @param time the simulated time
     * @param experimentId the experiment
     * @param actionName the action
     * @param resourceArn the resource
     * @param change what changed
     */
    public InventoryEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(actionName, "actionName");
        Objects.requireNonNull(resourceArn, "resourceArn");
        Objects.requireNonNull(change, "change");
    }
}
