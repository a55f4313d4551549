package dev.faultline.core.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A chaos experiment: the content of one AWS FIS experiment template plus Faultline's own
 * {@linkplain #name() name} and {@linkplain #hypothesis() hypothesis}.
 *
 * <p>Maps keep insertion order. Read one from JSON with
 * {@link dev.faultline.core.json.TemplateJson#read(String)}, or build one:
 *
 * <pre>{@code
 * Experiment e = Experiment.builder()
 *     .description("Stop 20% of the workers")
 *     .roleArn("arn:aws:iam::123456789012:role/FisRole")
 *     .putTarget("workers", TemplateTarget.builder()
 *         .resourceType("aws:ec2:instance")
 *         .putResourceTag("Role", "Worker")
 *         .selectionMode(SelectionMode.percent(20))
 *         .build())
 *     .putAction("stop", Action.builder()
 *         .actionId("aws:ec2:stop-instances")
 *         .putTarget("Instances", "workers")
 *         .build())
 *     .addStopCondition(StopCondition.none())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Experiment {

    /**

     * Creates a builder for an experiment.

     *

     * @return a new, empty builder

     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Faultline's name for the experiment (not sent to FIS, which has no name field; FIS shows
     * the {@code Name} tag instead).
     *
     * @return the name, if set
     */
    public abstract Optional<String> name();

    /**

     * The template description (FIS requires it, at most 512 characters).

     *

     * @return the description

     */
    public abstract Optional<String> description();

    /**

     * The targets by name, in template order.

     *

     * @return the targets

     */
    public abstract Map<String, TemplateTarget> targets();

    /**

     * The actions by name, in template order.

     *

     * @return the actions

     */
    public abstract Map<String, Action> actions();

    /**

     * The stop conditions (FIS requires the list; {@code [{"source":"none"}]} for none).

     *

     * @return the stop conditions

     */
    public abstract List<StopCondition> stopConditions();

    /**

     * The ARN of the IAM role FIS assumes to run the experiment.

     *

     * @return the role ARN

     */
    public abstract Optional<String> roleArn();

    /**

     * The template's tags.

     *

     * @return the tags

     */
    public abstract Map<String, String> tags();

    /**

     * Where FIS writes the experiment log.

     *

     * @return the log configuration

     */
    public abstract Optional<LogConfiguration> logConfiguration();

    /**

     * Account targeting and empty-target behaviour.

     *

     * @return the experiment options

     */
    public abstract Optional<ExperimentOptions> experimentOptions();

    /**

     * Where and how FIS writes the experiment report.

     *

     * @return the report configuration

     */
    public abstract Optional<ReportConfiguration> experimentReportConfiguration();

    /**
     * The accounts a multi-account experiment targets (created with FIS's
     * CreateTargetAccountConfiguration call, not in the template body).
     *
     * @return the target account configurations
     */
    public abstract List<TargetAccountConfiguration> targetAccountConfigurations();

    /**

     * The steady state that must hold before, during and after the experiment.

     *

     * @return the hypothesis

     */
    public abstract Optional<Hypothesis> hypothesis();

    /**

     * Read-only fields of a template that FIS returned (id, ARN, times).

     *

     * @return the metadata

     */
    public abstract Optional<TemplateMetadata> metadata();

    /**
     * A readable summary: name, description, role, each target and action, stop conditions and
     * hypothesis, one per line. The FIS JSON is {@code TemplateJson.writePretty(experiment)}.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return ExperimentSummary.of(this);
    }

    /** Builds {@link Experiment} values. */
    public static final class Builder extends ImmutableExperiment.Builder {
        /** Creates an empty builder; prefer {@link Experiment#builder()}. */
        public Builder() {}
    }
}
