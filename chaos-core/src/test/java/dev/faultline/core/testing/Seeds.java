package dev.faultline.core.testing;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * The seeds of property-test cases, for JUnit's {@code @MethodSource}: one seed per case, each
 * shown in the case's display name, so a failure names the seed that reproduces it.
 *
 * <p>By default every property runs {@link #DEFAULT_CASES} cases from a fixed base seed, so
 * runs are reproducible. System properties change that:
 * <ul>
 *   <li>{@code -Dfaultline.seed=S[,S2…]} runs exactly the given case seeds (as printed by a
 *       failure), for every property;</li>
 *   <li>{@code -Dfaultline.baseSeed=B} draws other cases (for exploration; {@code random}
 *       picks a base from the clock, shown in the display names);</li>
 *   <li>{@code -Dfaultline.cases=N} runs N cases per property.</li>
 * </ul>
 *
 * <pre>{@code
 * static LongStream seeds() { return Seeds.cases("round-trip"); }
 *
 * @ParameterizedTest(name = "seed={0}")
 * @MethodSource("seeds")
 * void roundTrip(long seed) { ... }
 * }</pre>
 */
public final class Seeds {

    /** Cases per property unless {@code faultline.cases} says otherwise. */
    public static final int DEFAULT_CASES = 1000;

    /** The base seed unless {@code faultline.baseSeed} says otherwise. */
    public static final long DEFAULT_BASE_SEED = 0x5EEDFA17L;

    private Seeds() {}

    /**
     * The case seeds of one property.
     *
     * @param property a name that makes this property's seeds differ from another's
     * @return the seeds, one per case
     */
    public static LongStream cases(String property) {
        String fixed = System.getProperty("faultline.seed");
        if (fixed != null && !fixed.isBlank()) {
            return Arrays.stream(fixed.split(",")).map(String::trim).mapToLong(Long::parseLong);
        }
        int count = Integer.getInteger("faultline.cases", DEFAULT_CASES);
        SplittableRandom random = new SplittableRandom(baseSeed() ^ property.hashCode());
        return LongStream.generate(random::nextLong).limit(count);
    }

    private static long baseSeed() {
        String base = System.getProperty("faultline.baseSeed");
        if (base == null || base.isBlank()) {
            return DEFAULT_BASE_SEED;
        }
        if (base.equals("random")) {
            long seed = System.nanoTime();
            System.out.println("faultline.baseSeed=" + seed);
            return seed;
        }
        return Long.parseLong(base.trim());
    }
}
