package dev.faultline.core.testing.archfixture.e;

import dev.faultline.archfixture.internal.Hidden;

/** A fixture of {@code ArchitectureRulesTest}: a chaos-core class that uses another module's internal package. */
public final class ReachesIn {
    private ReachesIn() {}

    /**
     * Uses the other module's internal class.
     *
     * @return what it made
     */
    public static Object use() {
        return Hidden.make();
    }
}
