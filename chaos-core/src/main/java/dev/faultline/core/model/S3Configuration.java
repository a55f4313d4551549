package dev.faultline.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** An S3 destination: a bucket and an optional key prefix (for logs or reports). */
@Value.Immutable
public abstract class S3Configuration {

    /**
     * Creates a builder for an S3 destination.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The bucket name (3 to 63 characters).
     *
     * @return the bucket name
     */
    public abstract Optional<String> bucketName();

    /**
     * The object key prefix.
     *
     * @return the prefix
     */
    public abstract Optional<String> prefix();

    /** Builds {@link S3Configuration} values. */
    public static final class Builder extends ImmutableS3Configuration.Builder {
        /** Creates an empty builder; prefer {@link S3Configuration#builder()}. */
        public Builder() {}
    }
}
