package dev.faultline.core.engine;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** How to run one experiment: options that differ from run to run. */
@Value.Immutable
public abstract class RunOptions {

    private static final RunOptions DEFAULTS = builder().build();

    /**
     * The defaults: a target preview before the start, stop on a steady-state breach, the
     * timeout from the plan.
     *
     * @return the default options
     */
    public static RunOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Creates a builder.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether a steady-state breach during the run is only recorded, instead of stopping the
     * experiment.
     *
     * @return true to observe only; false (the default) to stop on a breach
     */
    @Value.Default
    public boolean observeOnly() {
        return false;
    }

    /**
     * Whether targets are resolved first by a {@code skip-all} preview experiment.
     *
     * @return true (the default) to preview the targets
     */
    @Value.Default
    public boolean preview() {
        return true;
    }

    /**
     * How long the run may last before the watchdog stops it.
     *
     * @return the timeout; when empty, the plan's duration plus the engine's margin
     */
    public abstract Optional<Duration> timeout();

    /**
     * Tags added to the template and the experiment, beside the engine's own.
     *
     * @return the tags
     */
    public abstract Map<String, String> tags();

    /** Builds {@link RunOptions} values. */
    public static final class Builder extends ImmutableRunOptions.Builder {
        /** Creates a builder holding the defaults; prefer {@link RunOptions#builder()}. */
        public Builder() {}
    }
}
