package dev.faultline.core.model;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A target filter: a PascalCase path into the resource's Describe output and the values it
 * may have (ORed), for example {@code State.Name = running}.
 */
@Value.Immutable
public abstract class Filter {

    /**
     * Creates a filter.
     *
     * @param path the attribute path, for example {@code Placement.AvailabilityZone}
     * @param values the accepted values
     * @return the filter
     */
    public static Filter of(String path, String... values) {
        return builder().path(path).addValues(values).build();
    }

    /**

     * Creates a builder for a filter.

     *

     * @return a new, empty builder

     */
    public static Builder builder() {
        return new Builder();
    }

    /**

     * The attribute path.

     *

     * @return the path

     */
    public abstract Optional<String> path();

    /**

     * The accepted values.

     *

     * @return the values

     */
    public abstract List<String> values();

    /** Builds {@link Filter} values. */
    public static final class Builder extends ImmutableFilter.Builder {
        /** Creates an empty builder; prefer {@link Filter#builder()}. */
        public Builder() {}
    }
}
