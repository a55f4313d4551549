package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ArnRules#isClean} is a shortcut: it may say true only where the full check reports
 * nothing, and for text without placeholder characters it must say true wherever the full check
 * reports nothing, or the shortcut would be a slowdown.
 */
class ArnFastPathTest {

    private static final List<String> SEEDS = List.of(
            "arn:aws:iam::123456789012:role/FisRole",
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:App5xx",
            "arn:aws:ssm:eu-west-1::document/AWSFIS-Run-CPU-Stress",
            "arn:aws:ssm:us-gov-west-1:aws:document/AWSFIS-Run-Kill-Process",
            "arn:aws:logs:ap-southeast-2:123456789012:log-group:/fis/experiments:*",
            "arn:aws:cloudwatch::123456789012:dashboard/Service",
            "arn:aws-cn:ec2:cn-north-1:123456789012:instance/i-0123456789abcdef0",
            "arn:aws:s3:::my-bucket",
            "arn:aws:eks:eusc-de-east-1:123456789012:cluster/prod");

    private static final String ALPHABET = "arn:aws-iamoe1234567890:/<>{}$AZ_ .";

    private static boolean fullyClean(String text, ArnRules.Kind kind) {
        List<Violation> out = new ArrayList<>();
        ArnRules.checkFully(text, "/x", kind, out);
        return out.isEmpty();
    }

    private static String mutate(String text, SplittableRandom random) {
        StringBuilder b = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0 && b.length() > 0; n--) {
            int at = random.nextInt(b.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> b.setCharAt(at, c);
                case 1 -> b.insert(at, c);
                default -> b.deleteCharAt(at);
            }
        }
        return b.toString();
    }

    @Test
    void isClean_agreesWithTheFullCheck_onSeedAndMutatedArnsOfEveryKind() {
        SplittableRandom random = new SplittableRandom(20261127L);
        int clean = 0;
        for (int i = 0; i < 40_000; i++) {
            String seed = SEEDS.get(random.nextInt(SEEDS.size()));
            String text = i < SEEDS.size() * 10 ? seed : mutate(seed, random);
            for (ArnRules.Kind kind : ArnRules.Kind.values()) {
                boolean fast = ArnRules.isClean(text, kind);
                boolean full = fullyClean(text, kind);
                if (fast) {
                    assertThat(full).as("%s as %s: clean by the shortcut, not by the full check", text, kind).isTrue();
                    clean++;
                } else if (text.indexOf('<') < 0 && text.indexOf('{') < 0) {
                    assertThat(full).as("%s as %s: clean by the full check, not by the shortcut", text, kind).isFalse();
                }
            }
        }
        assertThat(clean).as("the shortcut is taken").isGreaterThan(1_000);
    }

    @Test
    void isClean_regionsAndAccountsInsideTheText_areJudgedOnTheirOwnRange() {
        assertThat(ArnRules.isClean("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a-1", ArnRules.Kind.ALARM)).isTrue();
        assertThat(ArnRules.isClean("arn:aws:cloudwatch:us-east:123456789012:alarm:a-1", ArnRules.Kind.ALARM)).isFalse();
        assertThat(ArnRules.isClean("arn:aws:cloudwatch:east-1:123456789012:alarm:x", ArnRules.Kind.ALARM)).isFalse();
        assertThat(ArnRules.isClean("arn:aws:cloudwatch:us-east-1:12345678901:alarm:x", ArnRules.Kind.ALARM)).isFalse();
        assertThat(ArnRules.isClean("arn:aws:iam:us-east-1:123456789012:role/R", ArnRules.Kind.ROLE)).isFalse();
        assertThat(ArnRules.isClean("arn:aws:iam::123456789012:", ArnRules.Kind.ROLE)).isFalse();
        assertThat(ArnRules.isClean("arn:aws:iam::<ACCOUNT>:role/R", ArnRules.Kind.ROLE)).isFalse();
    }
}
