package dev.faultline.archfixture.internal;

/**
 * A fixture of {@code ArchitectureRulesTest}: a class in the {@code internal} package of a
 * module that is not chaos-core (module {@code archfixture}), for a core class to reach into.
 */
public final class Hidden {
    private Hidden() {}

    /**
     * Makes one.
     *
     * @return a new instance
     */
    public static Hidden make() {
        return new Hidden();
    }
}
