package dev.faultline.aws.internal;

/**
 * A model this package's writers refuse to write because the document would mean something
 * else than the model (for example a map that CloudFormation would read as an intrinsic
 * function). The public compiler turns it into its {@code CompilationException}, so this package
 * does not depend on the public one.
 */
public final class UnwritableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what cannot be written, where, and what to change
     */
    public UnwritableException(String message) {
        super(message);
    }
}
