package dev.faultline.testkit;

import dev.faultline.core.FaultlineException;

/**
 * LocalFis could not start: the port it was given is taken or cannot be bound. Carries the port
 * (0 when a free one was asked for); the I/O error is the cause.
 */
public final class LocalFisException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /** The port LocalFis tried to bind. */
    private final int port;

    /**
     * Creates the exception.
     *
     * @param port the port that could not be bound, 0 for any free port
     * @param cause the I/O error
     */
    public LocalFisException(int port, Throwable cause) {
        super("LocalFis could not bind " + (port == 0 ? "a free port" : "port " + port) + " on 127.0.0.1: "
                + cause.getMessage() + (port == 0 ? "" : " (choose another port, or 0 for a free one)"), cause);
        this.port = port;
    }

    /**
     * The port that could not be bound.
     *
     * @return the port, 0 when any free port was asked for
     */
    public int port() {
        return port;
    }
}
