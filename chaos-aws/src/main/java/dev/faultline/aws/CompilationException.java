package dev.faultline.aws;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.validation.ValidationResult;
import java.util.Objects;

/**
 * Thrown when an experiment cannot be compiled: validation found an ERROR (the
 * {@link #violations()} say what to fix), or its output could not be written (the cause says
 * why; the violations are then empty).
 */
public class CompilationException extends FaultlineException {

    private static final long serialVersionUID = 1L;

    /** The violations; transient because ValidationResult is not serializable. */
    private final transient ValidationResult violations;

    /**
     * Creates the exception.
     *
     * @param violations the validation result that holds at least one error
     */
    public CompilationException(ValidationResult violations) {
        super("The experiment has " + violations.errors().size() + " error(s) and cannot be compiled:\n"
                + violations);
        this.violations = Objects.requireNonNull(violations, "violations");
    }

    /**
     * Creates the exception for output that could not be written.
     *
     * @param message what could not be written
     * @param cause the serialisation error
     */
    public CompilationException(String message, Throwable cause) {
        super(message, cause);
        this.violations = ValidationResult.of(java.util.List.of());
    }

    /**
     * The violations that stopped compilation (errors and warnings).
     *
     * @return the validation result
     */
    public ValidationResult violations() {
        return violations;
    }

    /**
     * Runs a writer of this package's internals, turning its failure to write (a Jackson
     * error, which the internals report as {@link java.io.UncheckedIOException}, or a model they
     * refuse to write) into this
     * exception.
     */
    static String writing(java.util.function.Supplier<String> writer) {
        try {
            return writer.get();
        } catch (java.io.UncheckedIOException e) {
            throw new CompilationException(e.getMessage(), e.getCause());
        } catch (dev.faultline.aws.internal.UnwritableException e) {
            throw new CompilationException(e.getMessage(), null);
        }
    }
}
