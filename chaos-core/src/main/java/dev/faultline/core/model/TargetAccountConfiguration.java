package dev.faultline.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** One account a multi-account experiment targets, with the role FIS assumes there. */
@Value.Immutable
public abstract class TargetAccountConfiguration {

    /**
     * Creates a builder for a target account configuration.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The 12-digit account ID.
     *
     * @return the account ID
     */
    public abstract Optional<String> accountId();

    /**
     * The ARN of the role FIS assumes in that account.
     *
     * @return the role ARN
     */
    public abstract Optional<String> roleArn();

    /**
     * A description.
     *
     * @return the description, if set
     */
    public abstract Optional<String> description();

    /** Builds {@link TargetAccountConfiguration} values. */
    public static final class Builder extends ImmutableTargetAccountConfiguration.Builder {
        /** Creates an empty builder; prefer {@link TargetAccountConfiguration#builder()}. */
        public Builder() {}
    }
}
