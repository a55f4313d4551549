package dev.faultline.aws;

import dev.faultline.aws.internal.CloudFormationWriter;
import dev.faultline.aws.internal.SdkRequests;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.fis.model.ActionsMode;
import software.amazon.awssdk.services.fis.model.CreateExperimentTemplateRequest;
import software.amazon.awssdk.services.fis.model.CreateTargetAccountConfigurationRequest;
import software.amazon.awssdk.services.fis.model.StartExperimentExperimentOptionsInput;
import software.amazon.awssdk.services.fis.model.StartExperimentRequest;
import software.amazon.awssdk.services.fis.model.UpdateExperimentTemplateRequest;

/**
 * Compiles an {@link Experiment} to AWS FIS SDK requests and to a CloudFormation
 * {@code AWS::FIS::ExperimentTemplate} resource. Every compile method validates first and
 * refuses an experiment with an ERROR ({@link CompilationException}); warnings, such as
 * placeholders left in ARNs, do not stop it. Faultline's own fields ({@code name},
 * {@code hypothesis}) are not part of the FIS request; target accounts become
 * {@link #targetAccountRequests(String, Experiment)}.
 *
 * <pre>{@code
 * FisCompiler compiler = FisCompiler.create();
 * CreateExperimentTemplateRequest create = compiler.createRequest(experiment);
 * String id = fis.createExperimentTemplate(create).experimentTemplate().id();
 * fis.startExperiment(compiler.startRequest(id, ActionsMode.SKIP_ALL));   // a target preview
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FisCompiler {

    private static final FisCompiler DEFAULT = new FisCompiler(Validator.standard());

    private final Validator validator;

    private FisCompiler(Validator validator) {
        this.validator = validator;
    }

    /**
     * A compiler that validates with {@link Validator#standard()}.
     *
     * @return the compiler
     */
    public static FisCompiler create() {
        return DEFAULT;
    }

    /**
     * This compiler with another validator, for example one with a safety policy.
     *
     * @param validator the validator
     * @return a new compiler
     */
    public FisCompiler withValidator(Validator validator) {
        return new FisCompiler(Objects.requireNonNull(validator, "validator"));
    }

    /**
     * Validates an experiment as this compiler does before compiling it.
     *
     * @param experiment the experiment
     * @return the violations
     */
    public ValidationResult validate(Experiment experiment) {
        return validate(experiment, SourceLayout.NONE);
    }

    /**
     * Validates an experiment read from a source with this layout, as this compiler does before
     * compiling it ({@code "stopConditions": []} is a warning, no list an error).
     *
     * @param experiment the experiment
     * @param layout the collections the source held present but empty
     * @return the violations
     */
    public ValidationResult validate(Experiment experiment, SourceLayout layout) {
        return validator.validate(Objects.requireNonNull(experiment, "experiment"), Objects.requireNonNull(layout, "layout"));
    }

    /**
     * The CreateExperimentTemplate request; the SDK fills in a client token.
     *
     * @param experiment the experiment
     * @return the request
     * @throws CompilationException if the experiment has an ERROR
     */
    public CreateExperimentTemplateRequest createRequest(Experiment experiment) {
        return createRequest(experiment, null);
    }

    /**
     * The CreateExperimentTemplate request with a given idempotency token.
     *
     * @param experiment the experiment
     * @param clientToken the client token (1 to 1024 characters), or null to let the SDK fill one in
     * @return the request
     * @throws CompilationException if the experiment has an ERROR
     */
    public CreateExperimentTemplateRequest createRequest(Experiment experiment, String clientToken) {
        return createRequest(experiment, SourceLayout.NONE, clientToken);
    }

    /**
     * The CreateExperimentTemplate request for an experiment read from a template, keeping the
     * collections its source held present but empty ({@code ReadResult.layout()},
     * {@link ImportResult#layout()}).
     *
     * @param experiment the experiment
     * @param layout the source layout
     * @param clientToken the client token (1 to 1024 characters), or null to let the SDK fill one in
     * @return the request
     * @throws CompilationException if the experiment has an ERROR
     */
    public CreateExperimentTemplateRequest createRequest(Experiment experiment, SourceLayout layout, String clientToken) {
        check(experiment, layout);
        requireAlarmArns(experiment);
        return SdkRequests.create(experiment, layout, clientToken);
    }

    /**
     * The CreateExperimentTemplate request as JSON, the {@code --cli-input-json} of
     * {@code aws fis create-experiment-template}: the template without Faultline's own fields
     * and without read-only metadata. It is the body the SDK sends for
     * {@link #createRequest(Experiment)}, less the client token.
     *
     * @param experiment the experiment
     * @return indented JSON
     * @throws CompilationException if the experiment has an ERROR
     */
    public String createRequestJson(Experiment experiment) {
        return createRequestJson(experiment, SourceLayout.NONE);
    }

    /**
     * {@link #createRequestJson(Experiment)} for an experiment read from a template, keeping the
     * collections its source held present but empty.
     *
     * @param experiment the experiment
     * @param layout the source layout
     * @return indented JSON
     * @throws CompilationException if the experiment has an ERROR
     */
    public String createRequestJson(Experiment experiment, SourceLayout layout) {
        check(experiment, layout);
        requireAlarmArns(experiment);
        return CompilationException.writing(() -> CloudFormationWriter.requestJson(experiment, layout));
    }

    /**
     * The UpdateExperimentTemplate request that makes a stored template match the experiment.
     * Per the FIS API it has no tags (use TagResource) and no account targeting (fixed at creation).
     *
     * @param templateId the template id ({@code EXT…})
     * @param experiment the experiment
     * @return the request
     * @throws CompilationException if the experiment has an ERROR
     */
    public UpdateExperimentTemplateRequest updateRequest(String templateId, Experiment experiment) {
        return updateRequest(templateId, experiment, SourceLayout.NONE);
    }

    /**
     * The UpdateExperimentTemplate request for an experiment read from a template, keeping the
     * collections its source held present but empty.
     *
     * @param templateId the template id ({@code EXT…})
     * @param experiment the experiment
     * @param layout the source layout
     * @return the request
     * @throws CompilationException if the experiment has an ERROR
     */
    public UpdateExperimentTemplateRequest updateRequest(String templateId, Experiment experiment, SourceLayout layout) {
        Objects.requireNonNull(templateId, "templateId");
        check(experiment, layout);
        requireAlarmArns(experiment);
        return SdkRequests.update(templateId, experiment, layout);
    }

    /**
     * The StartExperiment request for a stored template.
     *
     * @param templateId the template id
     * @param actionsMode {@link ActionsMode#RUN_ALL}, or {@link ActionsMode#SKIP_ALL} for a target preview
     * @return the request; the SDK fills in a client token
     */
    public StartExperimentRequest startRequest(String templateId, ActionsMode actionsMode) {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(actionsMode, "actionsMode");
        return StartExperimentRequest.builder().experimentTemplateId(templateId)
                .experimentOptions(StartExperimentExperimentOptionsInput.builder().actionsMode(actionsMode).build())
                .build();
    }

    /**
     * The CreateTargetAccountConfiguration requests for a multi-account experiment, one per
     * target account, to send after the template is created.
     *
     * @param templateId the template id
     * @param experiment the experiment
     * @return the requests, empty for a single-account experiment
     * @throws CompilationException if the experiment has an ERROR
     */
    public List<CreateTargetAccountConfigurationRequest> targetAccountRequests(String templateId,
            Experiment experiment) {
        Objects.requireNonNull(templateId, "templateId");
        check(experiment);
        return SdkRequests.targetAccounts(templateId, experiment);
    }

    /**
     * A CloudFormation template (JSON) with the experiment as an {@code AWS::FIS::ExperimentTemplate}
     * resource, its target accounts as {@code AWS::FIS::TargetAccountConfiguration} resources,
     * and Faultline's name and hypothesis in the resource's {@code Metadata}.
     *
     * @param experiment the experiment
     * @return the JSON document
     * @throws CompilationException if the experiment has an ERROR
     */
    public String cloudFormationJson(Experiment experiment) {
        return cloudFormationJson(experiment, SourceLayout.NONE);
    }

    /**
     * As {@link #cloudFormationJson(Experiment)}, validated and written with the empty
     * collections its source held ({@code ReadResult.layout()}, {@link ImportResult#layout()}).
     *
     * @param experiment the experiment
     * @param layout the source layout
     * @return the JSON document
     * @throws CompilationException if the experiment has an ERROR
     */
    public String cloudFormationJson(Experiment experiment, SourceLayout layout) {
        check(experiment, layout);
        String id = CloudFormationWriter.logicalId(experiment);
        return CompilationException.writing(() -> CloudFormationWriter.json(Map.of(id, experiment), Map.of(id, layout)));
    }

    /**
     * The same CloudFormation template as {@link #cloudFormationJson(Experiment)}, as YAML.
     *
     * @param experiment the experiment
     * @return the YAML document
     * @throws CompilationException if the experiment has an ERROR
     */
    public String cloudFormationYaml(Experiment experiment) {
        return cloudFormationYaml(experiment, SourceLayout.NONE);
    }

    /**
     * As {@link #cloudFormationYaml(Experiment)}, validated and written with the empty
     * collections its source held.
     *
     * @param experiment the experiment
     * @param layout the source layout
     * @return the YAML document
     * @throws CompilationException if the experiment has an ERROR
     */
    public String cloudFormationYaml(Experiment experiment, SourceLayout layout) {
        check(experiment, layout);
        String id = CloudFormationWriter.logicalId(experiment);
        return CompilationException.writing(() -> CloudFormationWriter.yaml(Map.of(id, experiment), Map.of(id, layout)));
    }

    /**
     * A deployable CloudFormation stack of the experiment: placeholders turned into
     * pseudo-parameters and template parameters, and optionally its execution role.
     *
     * @param experiment the experiment
     * @return the stack
     * @throws CompilationException if the experiment has an ERROR
     */
    public CloudFormationStack cloudFormationStack(Experiment experiment) {
        return cloudFormationStack(experiment, SourceLayout.NONE);
    }

    /**
     * As {@link #cloudFormationStack(Experiment)}, validated and written with the empty
     * collections its source held.
     *
     * @param experiment the experiment
     * @param layout the source layout
     * @return the stack
     * @throws CompilationException if the experiment has an ERROR
     */
    public CloudFormationStack cloudFormationStack(Experiment experiment, SourceLayout layout) {
        check(experiment, layout);
        String id = CloudFormationWriter.logicalId(experiment);
        return new CloudFormationStack(Map.of(id, experiment), false, false, Map.of(id, layout));
    }

    /**
     * A CloudFormation template (JSON) with several experiments, by logical id.
     *
     * @param experiments the experiments by logical id (letters and digits)
     * @return the JSON document
     * @throws CompilationException if an experiment has an ERROR
     */
    public String cloudFormationJson(Map<String, Experiment> experiments) {
        experiments.values().forEach(this::check);
        return CompilationException.writing(() -> CloudFormationWriter.json(experiments));
    }

    /**
     * A CloudFormation template (YAML) with several experiments, by logical id.
     *
     * @param experiments the experiments by logical id (letters and digits)
     * @return the YAML document
     * @throws CompilationException if an experiment has an ERROR
     */
    public String cloudFormationYaml(Map<String, Experiment> experiments) {
        experiments.values().forEach(this::check);
        return CompilationException.writing(() -> CloudFormationWriter.yaml(experiments));
    }

    /** The code of a metric stop condition in a request FIS would get: FIS needs an existing alarm's ARN. */
    public static final ViolationCode NEEDS_ALARM_ARN = ViolationCode.STOP_CONDITION_ALARM_ARN_MISSING;

    private static void requireAlarmArns(Experiment experiment) {
        List<Violation> found = new ArrayList<>();
        for (int i = 0; i < experiment.stopConditions().size(); i++) {
            StopCondition c = experiment.stopConditions().get(i);
            if (c.isDefinedByMetrics()) {
                found.add(Violation.error(NEEDS_ALARM_ARN, "/stopConditions/" + i,
                        "FIS needs the ARN of an existing CloudWatch alarm, and this stop condition defines its alarm"
                                + " from metrics (" + c.value().orElse("") + "), which does not exist yet.",
                        "Compile with --to cfn-json or cfn-yaml --with-alarms: the stack creates the alarms with the"
                                + " template and points the stop conditions at them."));
            }
        }
        if (!found.isEmpty()) {
            throw new CompilationException(ValidationResult.of(found));
        }
    }

    private void check(Experiment experiment) {
        check(experiment, SourceLayout.NONE);
    }

    private void check(Experiment experiment, SourceLayout layout) {
        ValidationResult result = validate(experiment, layout);
        if (result.hasErrors()) {
            throw new CompilationException(result);
        }
    }
}
