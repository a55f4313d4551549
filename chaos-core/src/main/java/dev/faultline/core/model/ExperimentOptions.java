package dev.faultline.core.model;

import java.util.Optional;
import org.immutables.value.Value;

/** Experiment options: account targeting and what to do when a target resolves to nothing. */
@Value.Immutable
public abstract class ExperimentOptions {

    /**
     * Creates a builder for experiment options.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Single- or multi-account targeting (FIS's default is single-account).
     *
     * @return the account targeting, if set
     */
    public abstract Optional<AccountTargeting> accountTargeting();

    /**
     * What FIS does when a target resolves to nothing (FIS's default is fail).
     *
     * @return the mode, if set
     */
    public abstract Optional<EmptyTargetResolutionMode> emptyTargetResolutionMode();

    /** Builds {@link ExperimentOptions} values. */
    public static final class Builder extends ImmutableExperimentOptions.Builder {
        /** Creates an empty builder; prefer {@link ExperimentOptions#builder()}. */
        public Builder() {}
    }
}
