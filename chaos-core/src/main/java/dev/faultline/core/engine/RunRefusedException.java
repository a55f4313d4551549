package dev.faultline.core.engine;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.validation.Severity;
import dev.faultline.core.validation.Violation;
import java.util.List;
import java.util.Objects;

/**
 * A run was refused before anything was started: validation found an ERROR, or a preflight
 * check failed (an alarm not {@code OK}, targets that do not resolve, missing permissions, a
 * steady state that does not hold). Nothing is left behind in the service.
 */
public class RunRefusedException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /** The checks; not serialized. */
    private final transient Preflight preflight;

    /**
     * Creates the exception.
     *
     * @param preflight what the checks found
     */
    public RunRefusedException(Preflight preflight) {
        super(describe(Objects.requireNonNull(preflight, "preflight")));
        this.preflight = preflight;
    }

    /**
     * What the checks found.
     *
     * @return the preflight
     */
    public Preflight preflight() {
        return preflight;
    }

    /**
     * The ERROR violations that refused the run, if validation did.
     *
     * @return the errors (empty when a later check refused it)
     */
    public List<Violation> errors() {
        return preflight.violations().stream().filter(v -> v.severity() == Severity.ERROR).toList();
    }

    private static String describe(Preflight preflight) {
        StringBuilder s = new StringBuilder("Run refused before the start:");
        for (PreflightCheck c : preflight.failures()) {
            s.append("\n  ").append(c.name()).append(": ").append(c.message());
        }
        return s.toString();
    }
}
