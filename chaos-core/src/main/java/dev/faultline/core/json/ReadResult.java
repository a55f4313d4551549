package dev.faultline.core.json;

import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a template gave: the experiment, when the text was a JSON object, and the
 * problems found while reading (syntax, types, unknown fields).
 */
public final class ReadResult {

    private final Experiment experiment;
    private final ValidationResult violations;
    private final String pathPrefix;

    ReadResult(Experiment experiment, ValidationResult violations) {
        this(experiment, violations, "");
    }

    ReadResult(Experiment experiment, ValidationResult violations, String pathPrefix) {
        this.experiment = experiment;
        this.violations = Objects.requireNonNull(violations, "violations");
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
    }

    /**
     * The experiment read, absent when the text was not a JSON object (a syntax error, say).
     * Present also when the violations hold errors: what could be read is kept.
     *
     * @return the experiment, if the text could be read
     */
    public Optional<Experiment> experiment() {
        return Optional.ofNullable(experiment);
    }

    /**
     * The problems found while reading.
     *
     * @return the violations
     */
    public ValidationResult violations() {
        return violations;
    }

    /**
     * Where the template sits in the document read: {@code ""} for a bare template,
     * {@code "/experimentTemplate"} for a GetExperimentTemplate answer. Prefix it to the path of
     * a violation found on the experiment to point into the document.
     *
     * @return the JSON Pointer of the template in the document
     */
    public String pathPrefix() {
        return pathPrefix;
    }

    @Override
    public String toString() {
        return "ReadResult[" + (experiment == null ? "no experiment" : "experiment") + ", " + violations + "]";
    }
}
