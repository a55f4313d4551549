package dev.faultline.core.testing.archfixture.c;

import dev.faultline.core.testing.archfixture.c.internal.Worker;

/** A fixture of {@code ArchitectureRulesTest}: a public facade over its internal package. */
public final class Facade {
    private Facade() {}

    /**
     * Calls the internal worker.
     *
     * @return the worker's result
     */
    public static Facade run() {
        return Worker.make();
    }

    static Facade create() {
        return new Facade();
    }
}
