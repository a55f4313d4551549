package dev.faultline.core.testing;

import dev.faultline.core.catalog.ParameterDefinition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Values that a catalog {@link ParameterDefinition} accepts, as the strings FIS takes on the
 * wire: durations within the parameter's range (kept short so that a chain of actions stays
 * within FIS's 12-hour quota), numbers within min..max, enumeration and list items from the
 * allowed values, and realistic text for well-known free-text parameters.
 */
final class ParameterValueGenerator {

    /** The longest duration generated beyond a parameter's minimum. */
    private static final Duration SPAN = Duration.ofMinutes(30);

    /** Realistic values of free-text parameters, by parameter name; ARN-valued ones always take these. */
    private static final Map<String, List<String>> KNOWN = Map.ofEntries(
            Map.entry("availabilityZoneIdentifier", List.of("us-east-1a", "use1-az2", "eu-west-1c")),
            Map.entry("availabilityZoneIdentifiers", List.of("us-east-1a", "use1-az1", "eu-west-1b")),
            Map.entry("writerAvailabilityZoneIdentifiers", List.of("us-east-1a", "us-east-1b")),
            Map.entry("region", List.of("us-west-2", "eu-central-1", "ap-southeast-2")),
            Map.entry("contentTypeHeader", List.of("application/json", "text/plain")),
            Map.entry("kubernetesServiceAccount", List.of("fis-experiment", "chaos-sa")),
            Map.entry("kubernetesNamespace", List.of("default", "chaos")),
            Map.entry("namespace", List.of("default", "payments")),
            Map.entry("clusterIdentifier", List.of("orders-cluster", "arn:aws:eks:us-east-1:123456789012:cluster/orders")),
            Map.entry("selectorValue", List.of("app=web", "checkout")),
            Map.entry("prefixListIdentifier", List.of("pl-0123456789abcdef0")),
            Map.entry("documentVersion", List.of("1", "$DEFAULT", "$LATEST")),
            Map.entry("functionQualifier", List.of("prod", "7")),
            Map.entry("operations", List.of("DescribeInstances", "RunInstances", "PutRecord")),
            Map.entry("sources", List.of("ALL", "10.0.0.0/16", "S3", "DYNAMODB")),
            Map.entry("interface", List.of("DEFAULT", "eth0")),
            Map.entry("alarmArns", List.of("arn:aws:cloudwatch:us-east-1:123456789012:alarm:High5xx",
                    "arn:aws:cloudwatch:us-east-1:123456789012:alarm:LatencyP99")),
            Map.entry("Sources", List.of("10.0.0.0/16", "S3", "DYNAMODB")),
            Map.entry("Interface", List.of("eth0", "DEFAULT")));

    private final SplittableRandom random;
    private final RandomText text;

    ParameterValueGenerator(SplittableRandom random, RandomText text) {
        this.random = random;
        this.text = text;
    }

    /**
     * A value the definition accepts.
     *
     * @param def the parameter
     * @param targetParameter whether it is a target parameter, whose text FIS restricts to
     *     letters, digits, spaces and {@code _ . : / = + - @}
     */
    String value(ParameterDefinition def, boolean targetParameter) {
        switch (def.type()) {
            case DURATION:
                return duration(def);
            case INTEGER:
            case PERCENT:
                return number(def, true);
            case NUMBER:
                return number(def, false);
            case BOOLEAN:
                return List.of("true", "false", "True", "FALSE").get(random.nextInt(4));
            case ENUM:
                return pick(def.enumValues());
            case LIST:
                return list(def, targetParameter);
            case JSON:
                return "{\"note\":\"" + text.word(1, 12) + "\"}";
            default:
                return string(def.name(), targetParameter);
        }
    }

    private String duration(ParameterDefinition def) {
        Duration min = def.durationMin().orElse(Duration.ofMinutes(1));
        Duration max = def.durationMax().map(m -> m.compareTo(min.plus(SPAN)) < 0 ? m : min.plus(SPAN))
                .orElse(min.plus(SPAN));
        long seconds = min.getSeconds() + random.nextLong(max.getSeconds() - min.getSeconds() + 1);
        switch (random.nextInt(3)) {
            case 0:
                return Duration.ofSeconds(seconds).toString();
            case 1:
                return "PT" + seconds + "S";
            default:
                long minutes = (seconds + 59) / 60;
                return minutes * 60 <= max.getSeconds() ? "PT" + minutes + "M" : "PT" + seconds + "S";
        }
    }

    private String number(ParameterDefinition def, boolean whole) {
        BigDecimal min = def.min().orElse(BigDecimal.ZERO);
        BigDecimal max = def.max().orElse(min.add(BigDecimal.valueOf(100_000)));
        BigDecimal span = max.subtract(min);
        BigDecimal n = min.add(span.multiply(BigDecimal.valueOf(random.nextDouble())));
        if (whole) {
            n = n.setScale(0, RoundingMode.CEILING).min(max.setScale(0, RoundingMode.FLOOR));
            return n.toPlainString();
        }
        return n.setScale(random.nextInt(3), RoundingMode.CEILING).min(max).max(min).toPlainString();
    }

    private String list(ParameterDefinition def, boolean targetParameter) {
        List<String> pool = def.itemValues().isEmpty() ? null : new ArrayList<>(def.itemValues());
        int most = def.maxItems().orElse(3);
        int n = 1 + random.nextInt(Math.min(most, pool == null ? 3 : pool.size()));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pool != null) {
                items.add(pool.remove(random.nextInt(pool.size())));
            } else {
                items.add(string(def.name(), targetParameter).replace(",", ""));
            }
        }
        return String.join(random.nextBoolean() ? "," : ", ", items);
    }

    private String string(String name, boolean targetParameter) {
        List<String> known = KNOWN.get(name);
        if (known != null && (random.nextInt(4) != 0 || name.endsWith("Arn") || name.endsWith("Arns"))) {
            return pick(known);
        }
        if (targetParameter) {
            return text.targetParameterValue(24);
        }
        return text.name(24).replace(",", ";");
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
