package dev.faultline.core.json;

import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What reading a template gave: the experiment, when the text was a JSON object, its
 * {@linkplain #layout() source layout} (the collections present but empty, which the model does
 * not keep), and the problems found while reading (syntax, types, unknown fields).
 */
public final class ReadResult {

    private final Experiment experiment;
    private final SourceLayout layout;
    private final ValidationResult violations;
    private final String pathPrefix;
    private final SkippedElements skipped;

    ReadResult(Experiment experiment, ValidationResult violations) {
        this(experiment, SourceLayout.NONE, violations, "", new SkippedElements());
    }

    ReadResult(Experiment experiment, SourceLayout layout, ValidationResult violations, String pathPrefix,
            SkippedElements skipped) {
        this.experiment = experiment;
        this.layout = Objects.requireNonNull(layout, "layout");
        this.violations = Objects.requireNonNull(violations, "violations");
        this.pathPrefix = Objects.requireNonNull(pathPrefix, "pathPrefix");
        this.skipped = Objects.requireNonNull(skipped, "skipped");
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
     * How the source was laid out where the model cannot tell: the collections it held present
     * but empty ({@code "tags": {}}). Pass it to {@link TemplateJson#write(Experiment, SourceLayout)}
     * to write the source again as it was; {@link SourceLayout#NONE} when nothing was read.
     *
     * @return the source layout
     */
    public SourceLayout layout() {
        return layout;
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

    /**
     * Checks what was read: the reader's own violations, then, if an experiment was read, the
     * validator's on it and its {@linkplain #layout() layout}, with paths into the document read (under {@code /experimentTemplate} for a
     * GetExperimentTemplate answer, and counting list elements the reader skipped: after a
     * malformed first stop condition, the second is {@code /stopConditions/1}).
     *
     * <pre>{@code
     * ValidationResult result = TemplateJson.read(path).validate(Validator.standard());
     * }</pre>
     *
     * @param validator the validator to run on the experiment
     * @return the reader's violations followed by the validator's
     */
    public ValidationResult validate(Validator validator) {
        Objects.requireNonNull(validator, "validator");
        if (experiment == null) {
            return violations;
        }
        ValidationResult found = validator.validate(experiment, layout);
        if (!pathPrefix.isEmpty() || !skipped.isEmpty()) {
            List<Violation> moved = new ArrayList<>(found.violations().size());
            for (Violation v : found.violations()) {
                String path = skipped.toDocument(pathPrefix + v.path());
                moved.add(path.equals(v.path()) ? v : v.movedTo(path));
            }
            found = ValidationResult.of(moved);
        }
        return violations.and(found);
    }

    @Override
    public String toString() {
        return "ReadResult[" + (experiment == null ? "no experiment" : "experiment") + ", " + violations + "]";
    }
}
