package dev.faultline.core.engine;

import dev.faultline.core.FaultlineException;

/**
 * The engine could not do what was asked because the service failed (after retries) or
 * answered something the engine cannot follow. The service's error is the cause.
 */
public class EngineException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the engine was doing and what went wrong
     * @param cause the service's error
     */
    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what went wrong
     */
    public EngineException(String message) {
        super(message);
    }
}
