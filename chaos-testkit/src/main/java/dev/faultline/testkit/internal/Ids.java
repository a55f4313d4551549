package dev.faultline.testkit.internal;

import java.util.SplittableRandom;

/** Real-looking FIS ids: {@code EXT} + 14 and {@code EXP} + 15 base62 characters, seeded. */
final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized String template() {
        return "EXT" + chars(14);
    }

    synchronized String experiment() {
        return "EXP" + chars(15);
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

    private String chars(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return b.toString();
    }
}
