package dev.faultline.aws;

import dev.faultline.aws.internal.StackWriter;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployable CloudFormation stack of experiment templates, made by
 * {@link FisCompiler#cloudFormationStack(Experiment)}. Unlike
 * {@link FisCompiler#cloudFormationJson(Experiment)}, which keeps the experiment's text as it is,
 * the stack is ready for {@code aws cloudformation deploy}: sample placeholders become
 * {@code AWS::AccountId} / {@code AWS::Region} through {@code Fn::Sub}, or template
 * {@code Parameters} ({@code <YOUR ROLE NAME>} is the parameter {@code RoleName}), and
 * {@link #withRole()} adds the execution role and {@link #withAlarms()} the alarms of metric stop conditions.
 *
 * <pre>{@code
 * String yaml = FisCompiler.create().cloudFormationStack(experiment).withRole().yaml();
 * // aws cloudformation deploy --template-file stack.yaml --stack-name chaos --capabilities CAPABILITY_IAM
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudFormationStack {

    private final Map<String, Experiment> experiments;
    private final boolean withRole;
    private final boolean withAlarms;
    private final Map<String, SourceLayout> layouts;

    CloudFormationStack(Map<String, Experiment> experiments, boolean withRole, boolean withAlarms,
            Map<String, SourceLayout> layouts) {
        this.experiments = Collections.unmodifiableMap(new LinkedHashMap<>(experiments));
        this.layouts = Map.copyOf(layouts);
        this.withRole = withRole;
        this.withAlarms = withAlarms;
    }

    /**
     * This stack with an {@code AWS::IAM::Role} per experiment: the trust policy that lets FIS
     * assume it for this account's experiments and the least-privilege permissions
     * {@link IamPolicies} derives; the template's {@code RoleArn} points at it with
     * {@code Fn::GetAtt}. Deploying it needs {@code CAPABILITY_IAM}.
     *
     * @return the new stack
     */
    public CloudFormationStack withRole() {
        return new CloudFormationStack(experiments, true, withAlarms, layouts);
    }

    /**
     * This stack with the alarms of the experiment's metric stop conditions: an
     * {@code AWS::CloudWatch::Alarm} per metric, an {@code AWS::CloudWatch::CompositeAlarm} where a
     * stop condition combines several, and the stop conditions pointing at them with
     * {@code Fn::GetAtt}. Without it, a metric stop condition names its alarm in the deploying
     * account and Region, which must then exist.
     *
     * @return the new stack
     */
    public CloudFormationStack withAlarms() {
        return new CloudFormationStack(experiments, withRole, true, layouts);
    }

    /**
     * The stack as indented JSON.
     *
     * @return the CloudFormation template
     */
    public String json() {
        return CompilationException.writing(() -> StackWriter.json(document()));
    }

    /**
     * The stack as YAML.
     *
     * @return the CloudFormation template
     */
    public String yaml() {
        return CompilationException.writing(() -> StackWriter.yaml(document()));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode document() {
        return StackWriter.document(experiments, withRole, withAlarms, e -> IamPolicies.of(e).permissionsPolicy().toJson(), layouts);
    }

    @Override
    public String toString() {
        return yaml();
    }
}
