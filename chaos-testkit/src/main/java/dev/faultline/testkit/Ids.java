package dev.faultline.testkit;

import java.util.SplittableRandom;

/**
 * Real-looking FIS ids: {@code EXT} + 14 and {@code EXP} + 15 base62 characters. Template and
 * experiment ids are unique to each instance, so reports named after them do not overwrite each
 * other across restarts; request ids and the seeds of target selection follow the seed.
 */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;
    private final SplittableRandom names = new SplittableRandom();

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized String template() {
        chars(14, random); // the seeded sequence advances as before, so a seed still picks the same targets
        return "EXT" + chars(14, names);
    }

    synchronized String experiment() {
        chars(15, random);
        return "EXP" + chars(15, names);
    }

    synchronized String requestId() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            b.append(Character.forDigit(random.nextInt(16), 16));
            if (i == 7 || i == 11 || i == 15 || i == 19) {
                b.append('-');
            }
        }
        return b.toString();
    }

    synchronized long nextSeed() {
        return random.nextLong();
    }

    private static String chars(int n, SplittableRandom from) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(BASE62.charAt(from.nextInt(BASE62.length())));
        }
        return b.toString();
    }
}
