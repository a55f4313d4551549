package dev.faultline.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.LogConfiguration;
import dev.faultline.core.model.ReportConfiguration;
import dev.faultline.core.model.S3Configuration;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.SteadyStateCondition;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.model.TargetAccountConfiguration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator never throws and never fails internally ({@code template.rule-failed}), whatever it
 * is given. Nulls cannot reach it through the builders, so the hostile inputs are empty strings,
 * huge strings, odd Unicode, many actions, self-references and names nothing knows.
 */
class ValidatorNeverThrowsTest {

    private static final String HUGE = "x".repeat(1_000_000);
    private static final List<String> ODD = List.of("", " ", "\t\n", "\u0000", "\uD800", "\uDC00x", "\u202Eevil",
            "e\u0301\u0301\u0301", "\u200D\u200D", "\uD83D\uDCA5".repeat(600), "~/~0~1//", "<", ">", "<>", "${", "{{", "}}",
            "<a<b>", "arn:", "arn:::::", "arn:aws:iam::١٢٣٤٥٦٧٨٩٠١٢:role/x", "PT", "P", "-PT1M", "PT9999999999999999999H",
            "PT2562047788015215H", "1e999999999", "-1e-999999999", "NaN", "Infinity", "99999999999999999999999999",
            "COUNT(", "PERCENT()", "aws:", "aws:ec2:", "aws:ec2:stop-instances", "{", "[", "[[[[[[[[[[", "null", ",,,,",
            "{\"DurationSeconds\":null}", "{\"DurationSeconds\":[1,{}]}", "{\"a\":" + "[".repeat(5000) + "}");

    static Stream<Named<Experiment>> hostile() {
        return Stream.of(
                Named.of("empty strings everywhere", emptyStrings()),
                Named.of("huge strings", hugeStrings()),
                Named.of("odd unicode in every name and value", oddUnicode()),
                Named.of("100 actions in parallel with unknown ids", hundredActions(false)),
                Named.of("100 actions referring to each other and themselves", hundredActions(true)),
                Named.of("self-references", selfReferences()),
                Named.of("unknown everything", unknownEverything()),
                Named.of("durations that overflow a plan", overflowingDurations()),
                Named.of("hostile documents in documentParameters and kubernetesSpec", hostileDocuments()),
                Named.of("nothing at all", Experiment.builder().build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void validate_hostileExperiment_neverThrowsNorFailsInternally(Experiment e) {
        ValidationResult r = Validator.standard().validate(e);
        assertThat(r.withCode("template.rule-failed")).as("%s", r).isEmpty();
        assertThat(r.violations()).allSatisfy(v -> {
            assertThat(v.code()).isNotBlank();
            assertThat(v.message()).isNotBlank();
        });
    }

    @Test
    void validate_readOfHostileJson_neverThrows() {
        List<String> texts = new ArrayList<>(ODD);
        texts.add("{\"actions\":{\"a\":{\"startAfter\":[\"a\"],\"parameters\":{\"duration\":" + HUGE.substring(0, 5000) + "}}}}");
        texts.add("{\"targets\":" + "{\"t\":".repeat(3000) + "}".repeat(3000) + "}");
        texts.add("{\"description\":\"" + HUGE + "\"}");
        texts.add("{\"stopConditions\":[{\"source\":\"aws:cloudwatch:alrm\",\"value\":\"<ALARM>\"}],\"roleArn\":\"${Role}\"}");
        for (String text : texts) {
            ValidationResult r = TemplateJson.read(text).validate(Validator.standard());
            assertThat(r.withCode("template.rule-failed")).as(text.length() > 80 ? text.substring(0, 80) : text).isEmpty();
        }
    }

    /** Seeded random experiments from hostile and plausible parts; the seed is in the failure message. */
    @Test
    void validate_randomExperiments_neverThrow() {
        long base = 20_240_601L;
        for (int i = 0; i < 400; i++) {
            long seed = base + i;
            Experiment e = random(new Random(seed));
            ValidationResult r;
            try {
                r = Validator.standard().validate(e);
            } catch (RuntimeException | Error thrown) {
                throw new AssertionError("validator threw on the experiment of seed " + seed, thrown);
            }
            assertThat(r.withCode("template.rule-failed")).as("seed %d: %s", seed, r).isEmpty();
        }
    }

    // ---- hostile experiments -----------------------------------------------------------------

    private static Experiment emptyStrings() {
        return Experiment.builder().name("").description("").roleArn("").putTag("", "")
                .addStopCondition(StopCondition.builder().source("").value("").build())
                .putTarget("", TemplateTarget.builder().resourceType("").addResourceArn("").putResourceTag("", "")
                        .addFilter(Filter.builder().path("").addValue("").build()).selectionMode(SelectionMode.of(""))
                        .putParameter("", "").build())
                .putAction("", Action.builder().actionId("").description("").putParameter("", "").putTarget("", "")
                        .addStartAfter("").build())
                .logConfiguration(LogConfiguration.builder().s3Configuration(S3Configuration.builder().bucketName("")
                        .prefix("").build()).build())
                .experimentReportConfiguration(ReportConfiguration.builder().addCloudWatchDashboard("")
                        .preExperimentDuration("").postExperimentDuration("").build())
                .addTargetAccountConfiguration(TargetAccountConfiguration.builder().accountId("").roleArn("").description("")
                        .build())
                .hypothesis(Hypothesis.builder().addCondition(SteadyStateCondition.builder().namespace("").metricName("")
                        .statistic("").putDimension("", "").period(Duration.ZERO).build()).build())
                .build();
    }

    private static Experiment hugeStrings() {
        String a = "a".repeat(100_000);
        String b = "b".repeat(100_000);
        return Templates.builder().description(HUGE).roleArn("arn:aws:iam::" + HUGE).putTag(HUGE, HUGE)
                .addStopCondition(StopCondition.builder().source(HUGE).value(HUGE).build())
                .putTarget(a, TemplateTarget.builder().resourceType(HUGE).addResourceArn("arn:" + HUGE).putResourceTag(HUGE, HUGE)
                        .addFilter(Filter.of(HUGE, HUGE)).selectionMode(SelectionMode.of("COUNT(" + HUGE + ")"))
                        .putParameter(HUGE, HUGE).build())
                .putAction(b, Action.builder().actionId("aws:ec2:stop-instances").putParameter(HUGE, HUGE)
                        .putParameter("startInstancesAfterDuration", "PT" + "9".repeat(100_000) + "M")
                        .putTarget("Instances", b.substring(1) + "a").addStartAfter(a.substring(1) + "b").build())
                .build();
    }

    private static Experiment oddUnicode() {
        Experiment.Builder b = Templates.builder();
        for (int i = 0; i < ODD.size(); i++) {
            String s = ODD.get(i);
            b.putTag("t" + i, s).putTarget("target" + i + s, TemplateTarget.builder().resourceType(s).addResourceArn(s)
                    .putResourceTag(s + i, s).addFilter(Filter.of(s, s)).selectionMode(SelectionMode.of(s))
                    .putParameter(s + i, s).build());
            b.putAction("action" + i + s, Action.builder().actionId(s).putParameter("duration", s).putParameter(s + i, s)
                    .putTarget(s + i, "target" + i + s).addStartAfter(s).build());
            b.addStopCondition(StopCondition.builder().source(StopCondition.SOURCE_ALARM).value(s).build());
        }
        return b.roleArn(String.join("", ODD.subList(0, 20))).build();
    }

    private static Experiment hundredActions(boolean linked) {
        Experiment.Builder b = Templates.builder();
        for (int i = 0; i < 100; i++) {
            Action.Builder a = Action.builder().actionId(i % 3 == 0 ? "aws:fis:wait" : "aws:made:up-" + i)
                    .putParameter("duration", "PT" + (i + 1) + "M");
            if (linked) {
                a.addStartAfter("a" + ((i * 7) % 100), "a" + i, "a" + ((i + 1) % 100));
            }
            b.putAction("a" + i, a.build());
        }
        return b.build();
    }

    private static Experiment selfReferences() {
        return Templates.builder()
                .putTarget("t", TemplateTarget.builder().resourceType("aws:ec2:instance").addResourceArn("t").selectionMode(SelectionMode.all())
                        .build())
                .putAction("a", Action.builder().actionId("aws:ec2:stop-instances").putTarget("Instances", "a")
                        .addStartAfter("a", "a", "a").build())
                .putAction("t", Action.builder().actionId("aws:fis:wait").putParameter("duration", "PT1M").putTarget("t", "t")
                        .addStartAfter("t").build())
                .build();
    }

    private static Experiment unknownEverything() {
        return Experiment.builder().description("?").roleArn("arn:nope:nothing:nowhere:nobody:nothing")
                .addStopCondition(StopCondition.builder().source("aws:sqs:queue").value("arn:aws:sqs:zz-top-9:1:q").build())
                .putTarget("T", TemplateTarget.builder().resourceType("aws:quantum:qubit").putResourceTag("k", "v")
                        .selectionMode(SelectionMode.of("SOME(3)")).putParameter("entanglement", "max").build())
                .putAction("A", Action.builder().actionId("aws:quantum:decohere").putParameter("strength", "11")
                        .putTarget("Qubits", "T").addStartAfter("B").build())
                .putAction("B", Action.builder().actionId("aws:ec2:stop-instances").putParameter("mystery", "yes")
                        .putTarget("Mysteries", "Nowhere").addStartAfter("A").build())
                .build();
    }

    private static Experiment overflowingDurations() {
        String max = "PT2562047788015215H"; // just under Long.MAX_VALUE seconds
        return Templates.builder()
                .putAction("Long1", Action.builder().actionId("aws:fis:wait").putParameter("duration", max).build())
                .putAction("Long2", Action.builder().actionId("aws:fis:wait").putParameter("duration", max).addStartAfter("Long1")
                        .build())
                .putAction("Long3", Action.builder().actionId("aws:fis:wait").putParameter("duration", max).addStartAfter("Long2")
                        .build())
                .build();
    }

    private static Experiment hostileDocuments() {
        Experiment.Builder b = Templates.builder();
        for (int i = 0; i < ODD.size(); i++) {
            b.putAction("Ssm" + i, Action.builder().actionId("aws:ssm:send-command").putTarget("Instances", Templates.TARGET)
                    .putParameter("documentArn", i % 2 == 0 ? "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress" : ODD.get(i))
                    .putParameter("documentParameters", ODD.get(i)).putParameter("duration", "PT1M").build());
            b.putAction("K8s" + i, Action.builder().actionId("aws:eks:inject-kubernetes-custom-resource")
                    .putParameter("kubernetesSpec", ODD.get(i)).putParameter("kubernetesKind", ODD.get(i)).build());
        }
        return b.build();
    }

    // ---- random experiments ------------------------------------------------------------------

    private static final List<String> ACTION_IDS = List.of("aws:ec2:stop-instances", "aws:fis:wait", "aws:ssm:send-command",
            "aws:eks:pod-cpu-stress", "aws:network:disrupt-connectivity", "aws:ec2:api-insufficient-instance-capacity-error",
            "aws:elasticache:interrupt-cluster-az-power", "aws:cloudwatch:assert-alarm-state", "aws:nope:nothing");
    private static final List<String> TYPES = List.of("aws:ec2:instance", "aws:eks:pod", "aws:iam:role", "aws:ec2:subnet",
            "aws:s3:bucket", "aws:elasticache:redis-replicationgroup", "aws:nope");
    private static final List<String> KEYS = List.of("Instances", "Pods", "Roles", "Subnets", "Buckets", "ReplicationGroups", "X");
    private static final List<String> PARAMETERS = List.of("duration", "startInstancesAfterDuration", "documentArn",
            "documentParameters", "scope", "percentage", "alarmArns", "alarmStates", "kubernetesServiceAccount", "x");
    private static final List<String> VALUES = List.of("PT5M", "PT13H", "5m", "50", "101", "true", "all", "OK,ALARM",
            "arn:aws:ssm:us-east-1::document/AWSFIS-Run-CPU-Stress", "{\"DurationSeconds\":\"60\"}",
            Templates.ALARM_ARN, Templates.ROLE_ARN, "<YOUR VALUE>", "${Value}");

    private static String pick(Random r, List<String> common) {
        return r.nextInt(5) == 0 ? ODD.get(r.nextInt(ODD.size())) : common.get(r.nextInt(common.size()));
    }

    private static Experiment random(Random r) {
        Experiment.Builder b = Experiment.builder();
        if (r.nextBoolean()) {
            b.description(pick(r, List.of("d", "Compute node loss")));
        }
        if (r.nextBoolean()) {
            b.roleArn(pick(r, List.of(Templates.ROLE_ARN, "arn:aws:iam::<ACCOUNT>:role/R")));
        }
        for (int i = r.nextInt(8); i > 0; i--) {
            b.addStopCondition(StopCondition.builder().source(pick(r, List.of("none", "aws:cloudwatch:alarm", "alarm")))
                    .value(pick(r, VALUES)).build());
        }
        List<String> targetNames = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            String name = pick(r, List.of("T1", "T2", "T3"));
            targetNames.add(name);
            TemplateTarget.Builder t = TemplateTarget.builder().resourceType(pick(r, TYPES))
                    .selectionMode(SelectionMode.of(pick(r, List.of("ALL", "COUNT(1)", "COUNT(9)", "PERCENT(50)", "PERCENT(0)"))));
            for (int j = r.nextInt(3); j > 0; j--) {
                t.addResourceArn(pick(r, VALUES));
            }
            for (int j = r.nextInt(3); j > 0; j--) {
                t.putResourceTag(pick(r, List.of("Role", "aws:x")), pick(r, VALUES));
            }
            for (int j = r.nextInt(3); j > 0; j--) {
                t.putParameter(pick(r, List.of("clusterIdentifier", "namespace", "selectorType", "selectorValue")), pick(r, VALUES));
            }
            if (r.nextBoolean()) {
                t.addFilter(Filter.of(pick(r, List.of("State.Name", "state")), pick(r, VALUES)));
            }
            b.putTarget(name, t.build());
        }
        List<String> actionNames = List.of("A1", "A2", "A3", "A4", "A5");
        for (int i = r.nextInt(25); i > 0; i--) {
            Action.Builder a = Action.builder().actionId(pick(r, ACTION_IDS));
            for (int j = r.nextInt(4); j > 0; j--) {
                a.putParameter(pick(r, PARAMETERS), pick(r, VALUES));
            }
            if (r.nextBoolean()) {
                a.putTarget(pick(r, KEYS), targetNames.isEmpty() ? "none" : targetNames.get(r.nextInt(targetNames.size())));
            }
            for (int j = r.nextInt(3); j > 0; j--) {
                a.addStartAfter(pick(r, actionNames));
            }
            b.putAction(r.nextInt(3) == 0 ? "B" + i : actionNames.get(r.nextInt(actionNames.size())), a.build());
        }
        return b.build();
    }
}
