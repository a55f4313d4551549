package dev.faultline.testkit;

import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J's "No SLF4J providers were found" warning out of tests that add no binding: when
 * no provider is on the class path (and the user did not choose a verbosity), SLF4J's own
 * reports are limited to errors. Add a binding such as {@code org.slf4j:slf4j-simple} (test
 * scope) to see LocalFis's and the engine's logs.
 */
final class QuietLogging {

    private static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietLogging() {}

    /** Limits SLF4J's internal reports to errors when no binding is present; runs before SLF4J starts. */
    static void whenNoBinding() {
        try {
            if (System.getProperty(VERBOSITY) == null
                    && ServiceLoader.load(SLF4JServiceProvider.class, QuietLogging.class.getClassLoader()).findFirst().isEmpty()) {
                System.setProperty(VERBOSITY, "ERROR");
            }
        } catch (SecurityException | java.util.ServiceConfigurationError e) {
            // SLF4J then reports as it always does
        }
    }
}
