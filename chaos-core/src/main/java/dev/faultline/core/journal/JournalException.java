package dev.faultline.core.journal;

import dev.faultline.core.FaultlineException;

/** A journal could not be read or written; the message names the journal and the run. */
public class JournalException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be done, and where
     * @param cause the storage's error
     */
    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what could not be done, and where
     */
    public JournalException(String message) {
        super(message);
    }
}
