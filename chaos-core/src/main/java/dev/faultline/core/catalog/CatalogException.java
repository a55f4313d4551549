package dev.faultline.core.catalog;

/**
 * Thrown when a catalog data file cannot be read or holds bad data; the message names the
 * file, the path of the offending field and what is wrong with it.
 *
 * <pre>{@code
 * actions.json: actions[14] (aws:ec2:stop-instances).parameters[0].type:
 *     unknown parameter type "durations"; expected one of duration, integer, ...
 * }</pre>
 */
public final class CatalogException extends dev.faultline.core.FaultlineException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the given message.
     *
     * @param message what is wrong, naming the file and field
     */
    public CatalogException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the given message and cause.
     *
     * @param message what is wrong, naming the file and field
     * @param cause   the underlying error, for example a JSON syntax error
     */
    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
