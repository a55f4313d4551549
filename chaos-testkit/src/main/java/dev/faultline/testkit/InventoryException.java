package dev.faultline.testkit;

import dev.faultline.core.FaultlineException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An inventory document could not be read or written: a file that cannot be read, text that
 * is not JSON, or JSON that is not {@code {"resources": [...]}}. Carries the file, when there
 * was one.
 */
public final class InventoryException extends FaultlineException {
    private static final long serialVersionUID = 1L;

    /** The file read, or null for text. */
    private final transient Path file;

    /**
     * Creates an exception.
     *
     * @param message what is wrong and where
     * @param file the file read, or null when the inventory came as text
     * @param cause the underlying error, or null
     */
    public InventoryException(String message, Path file, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /**
     * The file that could not be read, when the inventory came from a file.
     *
     * @return the file
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
