package dev.faultline.testkit.internal;

/** An error answer of the FIS API: HTTP status, error type and message. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status. */
    private final int status;
    /** The error type, for example {@code ValidationException}. */
    private final String type;

    /**
     * An error answer.
     *
     * @param status the HTTP status
     * @param type the error type sent in {@code x-amzn-ErrorType}
     * @param message the message
     */
    public ApiException(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    /**
     * A 400 ValidationException.
     *
     * @param message the message
     * @return the exception
     */
    public static ApiException validation(String message) {
        return new ApiException(400, "ValidationException", message);
    }

    /**
     * A 404 ResourceNotFoundException.
     *
     * @param message the message
     * @return the exception
     */
    public static ApiException notFound(String message) {
        return new ApiException(404, "ResourceNotFoundException", message);
    }

    /**
     * A 409 ConflictException.
     *
     * @param message the message
     * @return the exception
     */
    public static ApiException conflict(String message) {
        return new ApiException(409, "ConflictException", message);
    }

    /**
     * A 402 ServiceQuotaExceededException.
     *
     * @param message the message
     * @return the exception
     */
    public static ApiException quota(String message) {
        return new ApiException(402, "ServiceQuotaExceededException", message);
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The error type.
     *
     * @return for example {@code ValidationException}
     */
    public String type() {
        return type;
    }
}
