package dev.faultline.core.testing.archfixture.a;

import dev.faultline.core.testing.archfixture.b.Right;

/** A fixture of {@code ArchitectureRulesTest}: half of a package cycle. */
public final class Left {
    private Left() {}

    /**
     * Refers to the other half.
     *
     * @return the other half's name
     */
    public static String other() {
        return Right.class.getName();
    }
}
