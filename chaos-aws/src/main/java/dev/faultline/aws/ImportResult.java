package dev.faultline.aws;

import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import java.util.Objects;
import java.util.Optional;

/**
 * What importing one experiment gave: where it came from (a CloudFormation logical id, or
 * the template id), the experiment, its {@linkplain #layout() source layout} (the collections
 * the source held present but empty), and the problems found, importer's and validator's, with
 * paths into the source.
 */
public final class ImportResult {

    private final String source;
    private final Experiment experiment;
    private final SourceLayout layout;
    private final ValidationResult violations;

    /**
     * Creates a result.
     *
     * @param source where the experiment came from
     * @param experiment the experiment, or null if nothing could be read
     * @param violations the problems found
     */
    public ImportResult(String source, Experiment experiment, ValidationResult violations) {
        this(source, experiment, SourceLayout.NONE, violations);
    }

    /**
     * Creates a result with the source's layout.
     *
     * @param source where the experiment came from
     * @param experiment the experiment, or null if nothing could be read
     * @param layout the collections the source held present but empty
     * @param violations the problems found
     */
    public ImportResult(String source, Experiment experiment, SourceLayout layout, ValidationResult violations) {
        this.source = Objects.requireNonNull(source, "source");
        this.experiment = experiment;
        this.layout = Objects.requireNonNull(layout, "layout");
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
     * How the source was laid out where the model cannot tell: the collections it held present
     * but empty (FIS answers {@code "tags": {}} for a template without tags). Hand it to
     * {@link FisCompiler#createRequest(Experiment, SourceLayout, String)} or
     * {@code TemplateJson.write(experiment, layout)} to give the source back as it was.
     *
     * @return the source layout, {@link SourceLayout#NONE} when nothing was read
     */
    public SourceLayout layout() {
        return layout;
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
