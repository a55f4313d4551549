package dev.faultline.bench;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Filter;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and validating a typical template: one target chosen by a tag and a filter at
 * PERCENT(20), one {@code aws:ec2:stop-instances} action, one alarm stop condition.
 *
 * <p>Validation uses {@code Validator.standard().with(SafetyPolicy.staging())}: FIS's API rules,
 * ARNs, the catalog, the startAfter graph, quotas and the hypothesis, then the staging safety
 * policy; {@link #readAndValidateWithoutPolicy()} shows what the policy adds. The other methods
 * take the work apart, for docs/performance.md's account of where the time goes: reading from
 * bytes (what the CLI does), from bytes beyond ASCII (decoded as UTF-8), validating among
 * {@value #RING} experiments read one by one (as a fresh experiment is, rather than one validated
 * over and over), and building the same model through the builders without reading.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar ReadValidateBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s -t 1 -prof gc
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ReadValidateBenchmark {

    /** The typical template, as a person writes it (indented). */
    public static final String TYPICAL = String.join("\n",
            "{",
            "  \"description\": \"Stop 20% of the web instances in us-east-1a for five minutes\",",
            "  \"roleArn\": \"arn:aws:iam::123456789012:role/FisExperimentRole\",",
            "  \"targets\": {",
            "    \"webInstances\": {",
            "      \"resourceType\": \"aws:ec2:instance\",",
            "      \"resourceTags\": {",
            "        \"Role\": \"web\"",
            "      },",
            "      \"filters\": [",
            "        {",
            "          \"path\": \"Placement.AvailabilityZone\",",
            "          \"values\": [\"us-east-1a\"]",
            "        }",
            "      ],",
            "      \"selectionMode\": \"PERCENT(20)\"",
            "    }",
            "  },",
            "  \"actions\": {",
            "    \"stopWeb\": {",
            "      \"actionId\": \"aws:ec2:stop-instances\",",
            "      \"description\": \"Stop the instances, start them again after 5 minutes\",",
            "      \"parameters\": {",
            "        \"startInstancesAfterDuration\": \"PT5M\"",
            "      },",
            "      \"targets\": {",
            "        \"Instances\": \"webInstances\"",
            "      }",
            "    }",
            "  },",
            "  \"stopConditions\": [",
            "    {",
            "      \"source\": \"aws:cloudwatch:alarm\",",
            "      \"value\": \"arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx-rate\"",
            "    }",
            "  ],",
            "  \"tags\": {",
            "    \"Name\": \"stop-web-20-percent\"",
            "  }",
            "}");

    /** How many experiments {@link #validateRing()} goes round. */
    static final int RING = 20;
    /** The texts of the typical template that a read makes anew (the others are interned names or vocabulary). */
    private static final byte[][] TEXTS = texts("us-east-1a", "web", "Stop the instances, start them again after 5 minutes",
            "PT5M", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-5xx-rate",
            "Stop 20% of the web instances in us-east-1a for five minutes", "arn:aws:iam::123456789012:role/FisExperimentRole",
            "stop-web-20-percent");

    private Validator validator;
    private Validator standard;
    private Experiment experiment;
    private byte[] typicalBytes;
    private byte[] nonAsciiBytes;
    private final Experiment[] ring = new Experiment[RING];
    private int next;
    private final Experiment.Builder experimentBuilder = Experiment.builder();
    private final TemplateTarget.Builder targetBuilder = TemplateTarget.builder();
    private final Filter.Builder filterBuilder = Filter.builder();
    private final Action.Builder actionBuilder = Action.builder();
    private final StopCondition.Builder stopBuilder = StopCondition.builder();

    private static byte[][] texts(String... texts) {
        byte[][] bytes = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = texts[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    /** Reads the template once and checks that it is the valid template it claims to be. */
    @Setup
    public void setUp() {
        standard = Validator.standard();
        validator = standard.with(SafetyPolicy.staging());
        ReadResult read = TemplateJson.read(TYPICAL);
        ValidationResult result = read.validate(validator);
        if (!result.violations().isEmpty()) {
            throw new IllegalStateException("the typical template should have no violation:\n" + result);
        }
        experiment = read.experiment().orElseThrow();
        typicalBytes = TYPICAL.getBytes(StandardCharsets.UTF_8);
        nonAsciiBytes = TYPICAL.replace("for five minutes", "pour cinq minutes, déjà").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < RING; i++) {
            ring[i] = TemplateJson.read(TYPICAL).experiment().orElseThrow();
        }
        if (!buildModel().equals(experiment)) {
            throw new IllegalStateException("buildModel() should build the typical template's model:\n" + buildModel());
        }
    }

    /**
     * Reads the template text into an experiment.
     *
     * @return what was read
     */
    @Benchmark
    public ReadResult read() {
        return TemplateJson.read(TYPICAL);
    }

    /**
     * Validates the experiment read beforehand.
     *
     * @return the violations
     */
    @Benchmark
    public ValidationResult validate() {
        return validator.validate(experiment);
    }

    /**
     * Reads the template text and validates what was read, as a CLI or a CI check does.
     *
     * @return the reader's and the validator's violations
     */
    @Benchmark
    public ValidationResult readAndValidate() {
        return TemplateJson.read(TYPICAL).validate(validator);
    }

    /**
     * Reads the template from its UTF-8 bytes, as the CLI reads a file.
     *
     * @return what was read
     */
    @Benchmark
    public ReadResult readBytes() {
        return TemplateJson.read(typicalBytes);
    }

    /**
     * Reads the template, with a description beyond ASCII, from its UTF-8 bytes: the fast path
     * decodes the description's bytes as UTF-8.
     *
     * @return what was read
     */
    @Benchmark
    public ReadResult readNonAsciiBytes() {
        return TemplateJson.read(nonAsciiBytes);
    }

    /**
     * Validates the next of {@value #RING} experiments, each read on its own: closer to
     * validating what was just read than {@link #validate()}, which validates one experiment
     * over and over.
     *
     * @return the violations
     */
    @Benchmark
    public ValidationResult validateRing() {
        Experiment e = ring[next];
        next = next == RING - 1 ? 0 : next + 1;
        return validator.validate(e);
    }

    /**
     * Builds the typical template's model through builders kept from one call to the next (as the
     * reader keeps its own), with its texts made anew as a read cuts them from the text, and no
     * reading: what the model costs of {@link #read()}.
     *
     * @return the model, equal to what {@link #read()} gives
     */
    @Benchmark
    public Experiment buildModel() {
        Filter filter = filterBuilder.path("Placement.AvailabilityZone").addValue(fresh(0)).build();
        filterBuilder.clear();
        TemplateTarget target = targetBuilder.resourceType("aws:ec2:instance").putResourceTag("Role", fresh(1))
                .addFilter(filter).selectionMode(SelectionMode.of("PERCENT(20)")).build();
        targetBuilder.clear();
        Action action = actionBuilder.actionId("aws:ec2:stop-instances").description(fresh(2))
                .putParameter("startInstancesAfterDuration", fresh(3)).putTarget("Instances", "webInstances").build();
        actionBuilder.clear();
        StopCondition stop = stopBuilder.source("aws:cloudwatch:alarm").value(fresh(4)).build();
        stopBuilder.clear();
        Experiment built = experimentBuilder.description(fresh(5)).roleArn(fresh(6)).putTarget("webInstances", target)
                .putAction("stopWeb", action).addStopCondition(stop).putTag("Name", fresh(7)).build();
        experimentBuilder.clear();
        return built;
    }

    /** A new string of one of the typical template's texts, as a read cuts it from the text: a new array and a string. */
    private static String fresh(int text) {
        return new String(TEXTS[text], StandardCharsets.ISO_8859_1);
    }

    /**
     * Reads and validates with {@code Validator.standard()} alone, without the safety policy.
     *
     * @return the reader's and the validator's violations
     */
    @Benchmark
    public ValidationResult readAndValidateWithoutPolicy() {
        return TemplateJson.read(TYPICAL).validate(standard);
    }
}
