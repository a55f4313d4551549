package dev.faultline.bench;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
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
 * policy; {@link #readAndValidateWithoutPolicy()} shows what the policy adds.
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

    private Validator validator;
    private Validator standard;
    private Experiment experiment;

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
     * Reads and validates with {@code Validator.standard()} alone, without the safety policy.
     *
     * @return the reader's and the validator's violations
     */
    @Benchmark
    public ValidationResult readAndValidateWithoutPolicy() {
        return TemplateJson.read(TYPICAL).validate(standard);
    }
}
