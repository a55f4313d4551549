package dev.faultline.core.engine;

import dev.faultline.core.validation.Violation;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * What the checks before a run found: the validation violations, each preflight check, and
 * the resources each target resolved to in the preview.
 */
@Value.Immutable
public abstract class Preflight {

    /**
     * Creates a builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The violations validation found (warnings included).
     *
     * @return the violations
     */
    public abstract List<Violation> violations();

    /**
     * The checks, in the order they were made.
     *
     * @return the checks
     */
    public abstract List<PreflightCheck> checks();

    /**
     * The resources each target resolved to in the preview, by target name.
     *
     * @return resource ARNs (or ids) per target; empty when no preview was run
     */
    public abstract Map<String, List<String>> resolvedTargets();

    /**
     * Tells whether the run may start.
     *
     * @return true when no check failed
     */
    public boolean passed() {
        for (PreflightCheck c : checks()) {
            if (c.status() == PreflightCheck.Status.FAILED) {
                return false;
            }
        }
        return true;
    }

    /**
     * The failed checks.
     *
     * @return the checks that refuse the run
     */
    public List<PreflightCheck> failures() {
        return checks().stream().filter(c -> c.status() == PreflightCheck.Status.FAILED).toList();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(passed() ? "Preflight passed" : "Preflight FAILED");
        for (PreflightCheck c : checks()) {
            s.append("\n  ").append(c);
        }
        return s.toString();
    }

    /** Builds {@link Preflight} values. */
    public static final class Builder extends ImmutablePreflight.Builder {
        /** Creates an empty builder; prefer {@link Preflight#builder()}. */
        public Builder() {}
    }
}
