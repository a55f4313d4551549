package dev.faultline.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A set of resources an action acts on: a resource type, how the resources are identified
 * (ARNs, or tags and filters, and resource-type parameters) and how many of them are chosen.
 */
@Value.Immutable
public abstract class TemplateTarget {

    /**

     * Creates a builder for a target.

     *

     * @return a new, empty builder

     */
    public static Builder builder() {
        return new Builder();
    }

    /**

     * The FIS resource type, for example {@code aws:ec2:instance}.

     *

     * @return the resource type

     */
    public abstract Optional<String> resourceType();

    /**

     * The resources by ARN (at most 5; not with tags or filters).

     *

     * @return the ARNs

     */
    public abstract List<String> resourceArns();

    /**

     * Tags every chosen resource must carry (ANDed).

     *

     * @return the tags

     */
    public abstract Map<String, String> resourceTags();

    /**

     * Filters on the resource's Describe output (ANDed).

     *

     * @return the filters

     */
    public abstract List<Filter> filters();

    /**

     * How many of the identified resources are chosen.

     *

     * @return the selection mode

     */
    public abstract Optional<SelectionMode> selectionMode();

    /**

     * Resource-type parameters, such as an EKS pod selector.

     *

     * @return the parameters

     */
    public abstract Map<String, String> parameters();

    /** Builds {@link TemplateTarget} values. */
    public static final class Builder extends ImmutableTemplateTarget.Builder {
        /** Creates an empty builder; prefer {@link TemplateTarget#builder()}. */
        public Builder() {}
    }
}
