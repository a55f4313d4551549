package dev.faultline.core.json;

import dev.faultline.core.FaultlineException;
import java.util.Optional;

/**
 * A template could not be written: the {@link java.io.Writer} it went to failed. Carries the
 * name of the experiment being written, when it has one; the I/O error is the cause.
 */
public final class TemplateWriteException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /** The experiment's name, or null. */
    private final String experimentName;

    /**
     * Creates the exception.
     *
     * @param experimentName the name of the experiment being written, or null when it has none
     * @param cause the I/O error
     */
    public TemplateWriteException(String experimentName, Throwable cause) {
        super("The template" + (experimentName == null ? "" : " of experiment '" + experimentName + "'")
                + " could not be written: " + cause, cause);
        this.experimentName = experimentName;
    }

    /**
     * The name of the experiment whose template could not be written.
     *
     * @return the name, if the experiment has one
     */
    public Optional<String> experimentName() {
        return Optional.ofNullable(experimentName);
    }
}
