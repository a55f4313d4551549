package dev.faultline.core.testing.archfixture.b;

import dev.faultline.core.testing.archfixture.a.Left;

/** A fixture of {@code ArchitectureRulesTest}: the other half of a package cycle. */
public final class Right {
    private Right() {}

    /**
     * Refers to the first half.
     *
     * @return the first half's name
     */
    public static String other() {
        return Left.class.getName();
    }
}
