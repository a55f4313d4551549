package dev.faultline.core;

/**
 * The root of Faultline's unchecked exceptions.
 *
 * <p>Validation never throws: it returns a {@code ValidationResult}. Exceptions of this family
 * mark a failure at a boundary (a run refused, a service error, a broken data file), with the
 * underlying error kept as the cause.
 */
public class FaultlineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong and, where possible, how to fix it
     */
    public FaultlineException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the error that caused it.
     *
     * @param message what went wrong and, where possible, how to fix it
     * @param cause the underlying error
     */
    public FaultlineException(String message, Throwable cause) {
        super(message, cause);
    }
}
