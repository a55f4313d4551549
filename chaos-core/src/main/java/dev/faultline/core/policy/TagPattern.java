package dev.faultline.core.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A tag key and the values it may have, as globs ({@code *} is any value, {@code prod*} any
 * value that starts with {@code prod}). Safety policies use it for required template tags and
 * for the production markers that make a target production.
 *
 * <pre>{@code
 * TagPattern owner = TagPattern.any("Owner");
 * TagPattern prod = TagPattern.of("Environment", "production", "prod");
 * prod.matchIgnoringCase(Map.of("Environment", "Production"));   // Optional[Environment=Production]
 * }</pre>
 */
@Value.Immutable
public abstract class TagPattern {

    /** The value pattern that accepts any value. */
    public static final String ANY_VALUE = "*";

    /**
     * A tag key with the values it may have.
     *
     * @param key the tag key
     * @param values the accepted values, as globs; none means any value
     * @return the pattern
     */
    public static TagPattern of(String key, String... values) {
        Builder b = new Builder().key(key);
        if (values.length == 0) {
            b.addValue(ANY_VALUE);
        } else {
            b.addValues(values);
        }
        return b.build();
    }

    /**
     * A tag key with any value.
     *
     * @param key the tag key
     * @return the pattern
     */
    public static TagPattern any(String key) {
        return of(key, ANY_VALUE);
    }

    /**
     * Creates a builder for a tag pattern.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The tag key.
     *
     * @return the key
     */
    public abstract String key();

    /**
     * The accepted values, as globs; {@code *} accepts any value.
     *
     * @return the value patterns, at least one
     */
    public abstract Set<String> values();

    /**
     * Tells whether any value is accepted.
     *
     * @return true if a value pattern is {@code *}
     */
    public boolean acceptsAnyValue() {
        return values().contains(ANY_VALUE);
    }

    /**
     * Tells whether a tag value is accepted, exactly (for required tags).
     *
     * @param value the tag value
     * @return true if a value pattern matches it
     */
    public boolean accepts(String value) {
        return Glob.firstMatch(values(), value) != null;
    }

    /**
     * Finds a tag of a map with this key and an accepted value, ignoring case in both
     * (for production markers, where a missed {@code Environment=Production} is the costly
     * mistake).
     *
     * @param tags the tags of a resource
     * @return the matching tag, as {@code key=value}, if one matches
     */
    public Optional<String> matchIgnoringCase(Map<String, String> tags) {
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().equalsIgnoreCase(key())
                    && values().stream().anyMatch(v -> Glob.matchesIgnoreCase(v, tag.getValue()))) {
                return Optional.of(tag.getKey() + "=" + tag.getValue());
            }
        }
        return Optional.empty();
    }

    @Value.Check
    void check() {
        if (key().isBlank()) {
            throw new IllegalArgumentException("a tag pattern needs a key");
        }
        if (values().isEmpty()) {
            throw new IllegalArgumentException("tag '" + key() + "' needs at least one value pattern (\"*\" for any)");
        }
    }

    @Override
    public String toString() {
        return key() + "=" + (values().size() == 1 ? values().iterator().next() : Arrays.toString(values().toArray()));
    }

    /** Builds {@link TagPattern} values. */
    public static final class Builder extends ImmutableTagPattern.Builder {
        /** Creates an empty builder; prefer {@link TagPattern#of(String, String...)}. */
        public Builder() {}
    }
}
