package dev.faultline.aws;

import dev.faultline.aws.internal.CloudFormationReader;
import dev.faultline.aws.internal.SdkTemplates;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.fis.model.ExperimentTemplate;

/**
 * Imports experiments from AWS: the SDK's {@link ExperimentTemplate} (GetExperimentTemplate's
 * answer) and CloudFormation documents, JSON or YAML, with one or many
 * {@code AWS::FIS::ExperimentTemplate} resources. Never throws on bad input: problems are
 * violations. CloudFormation intrinsic functions ({@code Ref}, {@code Fn::Sub},
 * {@code Fn::GetAtt}, {@code Fn::Join}, …) become {@code ${…}} placeholders, reported as
 * {@code cfn.intrinsic} warnings and, by the validator, as placeholders.
 *
 * <pre>{@code
 * ImportResult imported = FisImporter.create().fromTemplate(
 *         fis.getExperimentTemplate(r -> r.id("EXTa1b2c3")).experimentTemplate());
 * for (ImportResult r : FisImporter.create().fromCloudFormation(Files.readString(stack))) { … }
 * }</pre>
 */
public final class FisImporter {

    private static final FisImporter DEFAULT = new FisImporter(Validator.standard());

    private final Validator validator;

    private FisImporter(Validator validator) {
        this.validator = validator;
    }

    /**
     * An importer that validates with {@link Validator#standard()}.
     *
     * @return the importer
     */
    public static FisImporter create() {
        return DEFAULT;
    }

    /**
     * This importer with another validator.
     *
     * @param validator the validator
     * @return a new importer
     */
    public FisImporter withValidator(Validator validator) {
        return new FisImporter(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Imports a template FIS returned.
     *
     * @param template the SDK template
     * @return the experiment (with its id, ARN and times as metadata), the collections the answer
     *     held present but empty as its layout, and the violations
     */
    public ImportResult fromTemplate(ExperimentTemplate template) {
        Objects.requireNonNull(template, "template");
        List<Violation> found = new ArrayList<>();
        SourceLayout.Builder layout = SourceLayout.builder();
        Experiment experiment = SdkTemplates.read(template, found, layout);
        SourceLayout kept = layout.build();
        ValidationResult result = ValidationResult.of(found).and(validator.validate(experiment, kept));
        return new ImportResult(template.id() == null ? "" : template.id(), experiment, kept, result);
    }

    /**
     * Imports every {@code AWS::FIS::ExperimentTemplate} of a CloudFormation document.
     * Violation paths point into the document ({@code /Resources/Chaos/Properties/Targets/…}).
     *
     * @param document the JSON or YAML text
     * @return one result per experiment template resource, in document order; a single result
     *     with source {@code ""} and no experiment when the document cannot be read or holds none
     */
    public List<ImportResult> fromCloudFormation(String document) {
        Objects.requireNonNull(document, "document");
        List<ImportResult> results = new java.util.ArrayList<>();
        for (CloudFormationReader.Resource r : CloudFormationReader.read(document, validator)) {
            results.add(new ImportResult(r.source(), r.experiment(), r.layout(), r.violations()));
        }
        return List.copyOf(results);
    }
}
