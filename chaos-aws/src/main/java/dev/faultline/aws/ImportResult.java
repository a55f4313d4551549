package dev.faultline.aws;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing one experiment gave: where it came from (a CloudFormation logical id, or
 * the template id), the experiment, and the problems found, importer's and validator's, with
 * paths into the source.
 */
public final class ImportResult {

    private final String source;
    private final Experiment experiment;
    private final ValidationResult violations;

    /**
     * Creates a result.
     *
     * @param source where the experiment came from
     * @param experiment the experiment, or null if nothing could be read
     * @param violations the problems found
     */
    public ImportResult(String source, Experiment experiment, ValidationResult violations) {
        this.source = Objects.requireNonNull(source, "source");
        this.experiment = experiment;
        this.violations = Objects.requireNonNull(violations, "violations");
    }

    /**
     * Where the experiment came from: a CloudFormation logical id, a template id, or {@code ""}.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The experiment, absent when the source could not be read at all.
     *
     * @return the experiment
     */
    public Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    /**
     * The problems found while importing and validating.
     *
     * @return the violations
     */
    public ValidationResult violations() {
        return violations;
    }

    @Override
    public String toString() {
        return "ImportResult[" + source + ", " + (experiment == null ? "no experiment" : "experiment") + ", "
                + violations + "]";
    }
}
