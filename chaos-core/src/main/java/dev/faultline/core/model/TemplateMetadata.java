package dev.faultline.core.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Fields of a template that FIS sets or that belong to one request, not to the experiment:
 * the template id and ARN, its times, and a client token.
 */
@Value.Immutable
public abstract class TemplateMetadata {

    /**
     * Creates a builder for template metadata.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The template id ({@code EXT…}).
     *
     * @return the id
     */
    public abstract Optional<String> id();

    /**
     * The template ARN.
     *
     * @return the ARN
     */
    public abstract Optional<String> arn();

    /**
     * The idempotency token of a create request.
     *
     * @return the client token
     */
    public abstract Optional<String> clientToken();

    /**
     * When the template was created.
     *
     * @return the creation time
     */
    public abstract Optional<Instant> creationTime();

    /**
     * When the template was last updated.
     *
     * @return the update time
     */
    public abstract Optional<Instant> lastUpdateTime();

    /**
     * How many target account configurations the template has.
     *
     * @return the count
     */
    public abstract Optional<Long> targetAccountConfigurationsCount();

    /** Builds {@link TemplateMetadata} values. */
    public static final class Builder extends ImmutableTemplateMetadata.Builder {
        /** Creates an empty builder; prefer {@link TemplateMetadata#builder()}. */
        public Builder() {}
    }
}
