package dev.faultline.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One simulated AWS resource: its resource type, ARN, tags, and attributes shaped like the
 * canonical Describe output that FIS filters read ({@code State.Name},
 * {@code Placement.AvailabilityZone}, {@code VpcId}, ...). Attributes are nested maps and
 * lists; a dotted path such as {@code State.Name} addresses them.
 *
 * <p>LocalFis changes attributes when an action has an effect (a stopped instance gets
 * {@code State.Name = stopped}); read them through {@link Inventory}, which holds the lock.
 *
 * <pre>{@code
 * SimResource vm = SimResource.builder("aws:ec2:instance", "i-0a1b2c3d")
 *     .tag("Environment", "Production")
 *     .attribute("State.Name", "running")
 *     .attribute("Placement.AvailabilityZone", "us-east-1a")
 *     .build();
 * }</pre>
 */
public final class SimResource {

    private final String type;
    private final String id;
    private final String arn;
    private final Map<String, String> tags;
    private final Map<String, Object> attributes;

    private SimResource(Builder b, String arn) {
        this.type = b.type;
        this.id = b.id;
        this.arn = arn;
        this.tags = new LinkedHashMap<>(b.tags);
        this.attributes = deepCopy(b.attributes);
    }

    /**
     * Starts a resource of the given type and id; the ARN is derived from the catalog's ARN
     * format for the type unless {@link Builder#arn(String)} sets it.
     *
     * @param type the FIS resource type, for example {@code aws:ec2:instance}
     * @param id the resource id, for example {@code i-0a1b2c3d}
     * @return a builder
     */
    public static Builder builder(String type, String id) {
        return new Builder(type, id);
    }

    /**
     * The FIS resource type.
     *
     * @return for example {@code aws:ec2:instance}
     */
    public String type() {
        return type;
    }

    /**
     * The resource id (the last part of the ARN unless set otherwise).
     *
     * @return the id
     */
    public String id() {
        return id;
    }

    /**
     * The ARN.
     *
     * @return the ARN
     */
    public String arn() {
        return arn;
    }

    /**
     * A copy of the tags.
     *
     * @return tag keys to values
     */
    public synchronized Map<String, String> tags() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * A deep copy of the attributes.
     *
     * @return nested maps and lists
     */
    public synchronized Map<String, Object> attributes() {
        return deepCopy(attributes);
    }

    /**
     * The attribute at a dotted path, if present.
     *
     * @param path for example {@code State.Name}
     * @return the value (a string, number, boolean, map or list)
     */
    public synchronized Optional<Object> attribute(String path) {
        Object at = attributes;
        for (String part : Objects.requireNonNull(path, "path").split("\\.", -1)) {
            if (!(at instanceof Map)) {
                return Optional.empty();
            }
            at = ((Map<?, ?>) at).get(part);
        }
        return Optional.ofNullable(at);
    }

    /**
     * The attribute at a dotted path as text, if present.
     *
     * @param path for example {@code State.Name}
     * @return the value's text
     */
    public Optional<String> text(String path) {
        return attribute(path).map(String::valueOf);
    }

    /**
     * Every value found at a dotted path, looking into lists on the way, as FIS filters do
     * ({@code NetworkInterfaces.Groups.GroupId} gives every group id).
     *
     * @param path the path, PascalCase elements
     * @return the values as text; empty when nothing is there
     */
    public synchronized List<String> valuesAt(String path) {
        List<String> out = new ArrayList<>();
        collect(attributes, path.split("\\.", -1), 0, out);
        return out;
    }

    /**
     * Sets an attribute at a dotted path, creating the maps on the way.
     *
     * @param path for example {@code State.Name}
     * @param value the new value, or null to remove it
     */
    public synchronized void setAttribute(String path, Object value) {
        put(attributes, path, value);
    }

    /**
     * Sets or replaces a tag.
     *
     * @param key the tag key
     * @param value the tag value
     */
    public synchronized void putTag(String key, String value) {
        tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    @Override
    public synchronized String toString() {
        return type + " " + arn + " tags=" + tags + " attributes=" + attributes;
    }

    private static void collect(Object at, String[] parts, int i, List<String> out) {
        if (at == null) {
            return;
        }
        if (at instanceof List) {
            for (Object item : (List<?>) at) {
                collect(item, parts, i, out);
            }
            return;
        }
        if (i == parts.length) {
            out.add(String.valueOf(at));
            return;
        }
        if (at instanceof Map) {
            collect(((Map<?, ?>) at).get(parts[i]), parts, i + 1, out);
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, Object value) {
        String[] parts = Objects.requireNonNull(path, "path").split("\\.", -1);
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                at.put(parts[i], next);
            }
            at = (Map<String, Object>) next;
        }
        if (value == null) {
            at.remove(parts[parts.length - 1]);
        } else {
            at.put(parts[parts.length - 1], deepCopyValue(value));
        }
    }

    static Map<String, Object> deepCopy(Map<String, Object> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, deepCopyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object deepCopyValue(Object v) {
        if (v instanceof Map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) v).forEach((k, x) -> out.put(String.valueOf(k), deepCopyValue(x)));
            return out;
        }
        if (v instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object x : (List<?>) v) {
                out.add(deepCopyValue(x));
            }
            return out;
        }
        return v;
    }

    /** Builds a {@link SimResource}. */
    public static final class Builder {
        private final String type;
        private final String id;
        private String arn;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(String type, String id) {
            this.type = Objects.requireNonNull(type, "type");
            this.id = Objects.requireNonNull(id, "id");
        }

        /**
         * Sets the ARN instead of deriving it.
         *
         * @param value the ARN
         * @return this builder
         */
        public Builder arn(String value) {
            this.arn = Objects.requireNonNull(value, "arn");
            return this;
        }

        /**
         * Adds a tag.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Adds tags.
         *
         * @param values keys to values
         * @return this builder
         */
        public Builder tags(Map<String, String> values) {
            values.forEach(this::tag);
            return this;
        }

        /**
         * Sets an attribute at a dotted path ({@code Placement.AvailabilityZone}).
         *
         * @param path the path
         * @param value a string, number, boolean, map or list
         * @return this builder
         */
        public Builder attribute(String path, Object value) {
            put(attributes, path, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the resource, deriving the ARN from the catalog if none was set.
         *
         * @param account the account id for a derived ARN
         * @param region the Region for a derived ARN
         * @return the resource
         */
        public SimResource build(String account, String region) {
            return new SimResource(this, arn != null ? arn : Arns.of(type, id, account, region));
        }

        /**
         * Builds the resource in the default account {@code 123456789012} and Region
         * {@code us-east-1}.
         *
         * @return the resource
         */
        public SimResource build() {
            return build(LocalFis.DEFAULT_ACCOUNT, LocalFis.DEFAULT_REGION);
        }
    }
}
