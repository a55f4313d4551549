package dev.faultline.examples;

import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.dsl.ExperimentDraft;
import java.io.PrintStream;

/** What every example program prints: the summary, the staging verdict and the FIS JSON. */
public final class Examples {

    /** The account the examples use. */
    public static final String ACCOUNT = "112233445566";

    /** The Region the examples use. */
    public static final String REGION = "us-east-1";

    /** The FIS role the examples use. */
    public static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/FisExperimentRole";

    private Examples() {}

    /**
     * The ARN of a CloudWatch alarm of the examples' account.
     *
     * @param name the alarm name
     * @return the alarm ARN
     */
    public static String alarmArn(String name) {
        return "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:" + name;
    }

    /**
     * Prints an experiment: its summary, what the staging policy says of it, and its FIS JSON.
     *
     * @param draft the experiment
     * @param out where to print
     * @return the validation result under the staging policy
     */
    public static ValidationResult print(ExperimentDraft draft, PrintStream out) {
        out.println(draft);
        ValidationResult result = draft.validate(SafetyPolicy.staging());
        out.println("staging: " + result.errors().size() + " errors, " + result.warnings().size() + " warnings");
        result.violations().forEach(v -> out.println("  " + v));
        out.println(draft.toJson());
        return result;
    }
}
