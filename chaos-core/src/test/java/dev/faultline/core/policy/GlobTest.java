package dev.faultline.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GlobTest {

    @Test
    void matches_starMatchesAnyRunIncludingColonsAndNothing() {
        assertThat(Glob.matches("aws:ec2:*", "aws:ec2:stop-instances")).isTrue();
        assertThat(Glob.matches("aws:ec2:*", "aws:ec2:")).isTrue();
        assertThat(Glob.matches("aws:ec2:*", "aws:ecs:stop-task")).isFalse();
        assertThat(Glob.matches("*", "")).isTrue();
        assertThat(Glob.matches("*:stop-*", "aws:ec2:stop-instances")).isTrue();
        assertThat(Glob.matches("aws:*:stop-*", "aws:ecs:stop-task")).isTrue();
        assertThat(Glob.matches("aws:fis:wait", "aws:fis:wait")).isTrue();
        assertThat(Glob.matches("aws:fis:wait", "aws:fis:wait2")).isFalse();
        assertThat(Glob.matches("a*b*c", "axxbyybzc")).isTrue();
        assertThat(Glob.matches("a*b*c", "axxbyybz")).isFalse();
    }

    @Test
    void matches_isCaseSensitiveUnlessAskedOtherwise() {
        assertThat(Glob.matches("aws:EC2:*", "aws:ec2:stop-instances")).isFalse();
        assertThat(Glob.matchesIgnoreCase("prod*", "Production")).isTrue();
    }

    @Test
    void covers_aWiderPatternCoversANarrowerOne() {
        assertThat(Glob.covers("aws:*", "aws:ec2:*")).isTrue();
        assertThat(Glob.covers("aws:ec2:*", "aws:*")).isFalse();
        assertThat(Glob.covers("*", "aws:ec2:stop-instances")).isTrue();
        assertThat(Glob.covers("aws:ec2:*", "aws:ec2:stop-instances")).isTrue();
        assertThat(Glob.covers("aws:ec2:stop-instances", "aws:ec2:stop-instances")).isTrue();
        assertThat(Glob.covers("*:stop-*", "aws:ec2:*")).isFalse();
        assertThat(Glob.covers("a**b", "a*b")).isTrue();
    }

    @Test
    void intersect_givesThePatternsOfWhatBothMatch() {
        assertThat(Glob.intersect("aws:*", "aws:ec2:*")).containsExactly("aws:ec2:*");
        assertThat(Glob.intersect("aws:ec2:*", "aws:rds:*")).isEmpty();
        assertThat(Glob.intersect("aws:ec2:*", "aws:ec2:stop-instances")).containsExactly("aws:ec2:stop-instances");
        assertThat(Glob.intersect("aws:ec2:*", "*:stop-instances"))
                .containsExactlyInAnyOrder("aws:ec2:stop-instances", "aws:ec2:*:stop-instances");
    }

    @Test
    void simplify_dropsCoveredPatternsAndKeepsTheFirstOfEquals() {
        assertThat(Glob.simplify(List.of("aws:ec2:stop-instances", "aws:ec2:*", "aws:fis:wait", "aws:ec2:**")))
                .containsExactly("aws:ec2:*", "aws:fis:wait");
    }

    /** Property: a text matches the intersection of two patterns exactly when it matches both; covering implies matching. */
    @Test
    void intersectAndCovers_agreeWithMatching_onGeneratedPatterns() {
        long seed = Long.getLong("glob.seed", 20261127L);
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            String a = pattern(random);
            String b = pattern(random);
            List<String> both = Glob.intersect(a, b);
            for (int i = 0; i < 20; i++) {
                String text = text(random);
                boolean expected = Glob.matches(a, text) && Glob.matches(b, text);
                assertThat(Glob.firstMatch(both, text) != null)
                        .as("seed %d (-Dglob.seed=%d): '%s' against %s ∩ %s = %s", seed, seed, text, a, b, both)
                        .isEqualTo(expected);
                if (Glob.covers(a, b) && Glob.matches(b, text)) {
                    assertThat(Glob.matches(a, text)).as("seed %d: %s covers %s but not '%s'", seed, a, b, text).isTrue();
                }
            }
        }
    }

    private static String pattern(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            b.append("ab:*".charAt(random.nextInt(4)));
        }
        return b.toString();
    }

    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int length = random.nextInt(7);
        for (int i = 0; i < length; i++) {
            b.append("ab:".charAt(random.nextInt(3)));
        }
        return b.toString();
    }
}
