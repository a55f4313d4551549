package dev.faultline.core.testing.archfixture.c.internal;

import dev.faultline.core.testing.archfixture.c.Facade;

/** A fixture of {@code ArchitectureRulesTest}: an internal worker that builds a public value. */
public final class Worker {
    private Worker() {}

    /**
     * Builds the facade's value.
     *
     * @return nothing useful
     */
    public static Facade make() {
        return null;
    }
}
