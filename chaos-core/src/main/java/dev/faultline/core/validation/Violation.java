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
     * @param code the declared code, for example {@link ViolationCode#PARAMETER_UNKNOWN}
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     * @throws IllegalArgumentException if the code is declared as a warning
     */
    public static Violation error(ViolationCode code, String path, String message, String hint) {
        return of(code, Severity.ERROR, path, message, hint);
    }

    /**
     * Creates a warning.
     *
     * @param code the declared code
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     * @throws IllegalArgumentException if the code is declared as an error
     */
    public static Violation warning(ViolationCode code, String path, String message, String hint) {
        return of(code, Severity.WARNING, path, message, hint);
    }

    /**
     * Creates a violation with its code's default severity.
     *
     * @param code the declared code
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     */
    public static Violation of(ViolationCode code, String path, String message, String hint) {
        return of(code, code.severity(), path, message, hint);
    }

    /**
     * Creates a violation with a code of the caller's own, for a rule added with
     * {@link Validator#with(ValidationRule)}; Faultline's own rules use the declared codes.
     *
     * @param code the code, following {@link ViolationCode#GRAMMAR}, such as {@code team.owner-tag-missing}
     * @param severity the severity
     * @param path the JSON Pointer of the offending value
     * @param message what is wrong
     * @param hint how to fix it, or null
     * @return the violation
     * @throws IllegalArgumentException if the code does not follow the grammar
     */
    public static Violation custom(String code, Severity severity, String path, String message, String hint) {
        if (!code.matches(ViolationCode.GRAMMAR)) {
            throw new IllegalArgumentException("'" + code + "' does not follow " + ViolationCode.GRAMMAR);
        }
        return new Builder().code(code).severity(severity).path(path).message(message)
                .hint(Optional.ofNullable(hint)).build();
    }

    private static Violation of(ViolationCode code, Severity severity, String path, String message, String hint) {
        if (code.severity() != severity) {
            throw new IllegalArgumentException(code + " is declared as " + code.severity() + ", not " + severity);
        }
        return new Builder().code(code.code()).severity(severity).path(path).message(message)
                .hint(Optional.ofNullable(hint)).build();
    }

    /**
     * This violation at another path, for a template read inside a larger document.
     *
     * @param path the JSON Pointer of the offending value in the larger document
     * @return the violation with the new path
     */
    public Violation movedTo(String path) {
        return new Builder().from(this).path(path).build();
    }

    /**
     * The stable code, for example {@code action.target-key-unknown}; declared in {@link ViolationCode} and
     * listed in docs/validation.md.
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
