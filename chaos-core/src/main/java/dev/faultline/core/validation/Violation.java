package dev.faultline.core.validation;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One problem found in a template: a stable {@linkplain #code() code}, a severity, a JSON
 * Pointer {@linkplain #path() path} into the FIS template JSON
 * ({@code /actions/SimulateNodeLoss/parameters/duration}), a message that says what is wrong,
 * and a hint that says how to fix it.
 */
@Value.Immutable
public abstract class Violation {

    /**
     * Creates an error.
     *
     * @param code the stable code, for example {@code parameter.unknown}
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     */
    public static Violation error(String code, String path, String message, String hint) {
        return of(code, Severity.ERROR, path, message, hint);
    }

    /**
     * Creates a warning.
     *
     * @param code the stable code
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     */
    public static Violation warning(String code, String path, String message, String hint) {
        return of(code, Severity.WARNING, path, message, hint);
    }

    /**
     * Creates a violation.
     *
     * @param code the stable code
     * @param severity the severity
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     */
    public static Violation of(String code, Severity severity, String path, String message, String hint) {
        return new Builder().code(code).severity(severity).path(path).message(message)
                .hint(Optional.ofNullable(hint)).build();
    }

    /**
     * The stable code, for example {@code action.target-key}; listed in docs/validation.md.
     *
     * @return the code
     */
    public abstract String code();

    /**
     * The severity.
     *
     * @return the severity
     */
    public abstract Severity severity();

    /**
     * The JSON Pointer (RFC 6901) of the offending value in the template; empty for the whole.
     *
     * @return the path
     */
    public abstract String path();

    /**
     * What is wrong.
     *
     * @return the message
     */
    public abstract String message();

    /**
     * How to fix it.
     *
     * @return the hint, if there is one
     */
    public abstract Optional<String> hint();

    /**
     * Tells whether this is an error.
     *
     * @return true for {@link Severity#ERROR}
     */
    public boolean isError() {
        return severity() == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (path().isEmpty() ? "/" : path()) + ": " + severity() + " " + code() + " " + message()
                + hint().map(h -> " (" + h + ")").orElse("");
    }

    /** Builds {@link Violation} values. */
    public static final class Builder extends ImmutableViolation.Builder {
        /** Creates an empty builder; prefer the factories. */
        public Builder() {}
    }
}
