package dev.faultline.core.report;

import dev.faultline.core.FaultlineException;

/** A report could not be written; the I/O error is the cause. */
public final class ReportException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be written, and where
     * @param cause the I/O error
     */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
