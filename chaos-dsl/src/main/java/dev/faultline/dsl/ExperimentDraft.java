package dev.faultline.dsl;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.Hypothesis;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.internal.ActionData;
import dev.faultline.dsl.internal.Checks;
import dev.faultline.dsl.internal.TargetData;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An experiment being written: an immutable value, so a half-built experiment can be shared and
 * extended (each method returns a new draft). Made by {@link Chaos#experiment(String)}.
 *
 * <pre>{@code
 * Experiment nodeLoss = experiment("payment-worker-node-loss")
 *     .description("Stop 20% of the worker nodes for five minutes")
 *     .role("arn:aws:iam::112233445566:role/FisRole")
 *     .stopWhen(alarm("arn:aws:cloudwatch:us-east-1:112233445566:alarm:App5xx"))
 *     .action("stop-workers", Ec2.stopInstances(workers).restartAfter(Duration.ofMinutes(5)))
 *     .build();
 * }</pre>
 *
 * <p>Arguments that break a rule known at the call fail there with an
 * {@link IllegalArgumentException}; everything else is the validator's job: {@link #build()}
 * returns the experiment as written and {@link #validate(SafetyPolicy)} reports its problems.
 * Without {@link #stopWhen(StopCondition...)} the experiment has FIS's "no stop condition"
 * ({@code [{"source":"none"}]}), which the staging and production policies reject.
 */
public final class ExperimentDraft extends DraftSettings {

    private final Experiment experiment;
    private final String lastAction;

    private ExperimentDraft(Experiment experiment, String lastAction) {
        super(experiment);
        this.experiment = experiment;
        this.lastAction = lastAction;
    }

    static ExperimentDraft named(String name) {
        Experiment.Builder builder = Experiment.builder();
        if (name != null) {
            builder.name(Checks.text("name", name));
        }
        return new ExperimentDraft(builder.build(), null);
    }

    @Override
    ExperimentDraft change(UnaryOperator<Experiment.Builder> change) {
        Experiment.Builder builder = Experiment.builder();
        builder.from(experiment);
        return new ExperimentDraft(change.apply(builder).build(), lastAction);
    }

    /**
     * Describes the experiment (FIS requires a description of at most 512 characters).
     *
     * @param text the description
     * @return a new draft
     */
    public ExperimentDraft description(String text) {
        Objects.requireNonNull(text, "description");
        return change(b -> b.description(text));
    }

    /**
     * Sets the IAM role FIS assumes to run the experiment.
     *
     * @param roleArn the role ARN
     * @return a new draft
     */
    public ExperimentDraft role(String roleArn) {
        Checks.text("roleArn", roleArn);
        return change(b -> b.roleArn(roleArn));
    }

    /**
     * Adds stop conditions: FIS stops the experiment when one of the alarms goes to
     * {@code ALARM} (at most five; see {@link Chaos#alarm(String)}).
     *
     * @param conditions the stop conditions
     * @return a new draft
     */
    public ExperimentDraft stopWhen(StopCondition... conditions) {
        for (StopCondition condition : conditions) {
            Objects.requireNonNull(condition, "condition");
        }
        return change(b -> b.addStopConditions(conditions));
    }

    /**
     * Adds a tag to the experiment template.
     *
     * @param key the tag key
     * @param value the tag value
     * @return a new draft
     */
    public ExperimentDraft tag(String key, String value) {
        Checks.text("tag key", key);
        Objects.requireNonNull(value, "tag value");
        return change(b -> b.putTag(key, value));
    }

    /**
     * Adds tags to the experiment template, in the map's order.
     *
     * @param tags the tags
     * @return a new draft
     */
    public ExperimentDraft tags(Map<String, String> tags) {
        ExperimentDraft result = this;
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            result = result.tag(tag.getKey(), tag.getValue());
        }
        return result;
    }

    /**
     * Adds steady-state conditions to the hypothesis: they must hold before, during and after
     * the experiment (see {@link Chaos#steadyState(String)}).
     *
     * @param first a condition
     * @param more more conditions
     * @return a new draft
     */
    public ExperimentDraft hypothesis(SteadyState first, SteadyState... more) {
        Objects.requireNonNull(first, "first");
        return hypothesis(h -> {
            h.addConditions(first.toModel());
            for (SteadyState s : more) {
                h.addConditions(Objects.requireNonNull(s, "condition").toModel());
            }
            return h;
        });
    }

    /**
     * Describes the hypothesis and adds steady-state conditions to it.
     *
     * @param description what the hypothesis claims
     * @param first a condition
     * @param more more conditions
     * @return a new draft
     */
    public ExperimentDraft hypothesis(String description, SteadyState first, SteadyState... more) {
        Checks.text("description", description);
        return hypothesis(first, more).hypothesis(h -> h.description(description));
    }

    /**
     * Sets how long after the experiment the hypothesis' "after" conditions are checked.
     *
     * @param window the recovery window
     * @return a new draft
     */
    public ExperimentDraft recoveryWindow(Duration window) {
        Checks.duration("the hypothesis", Optional.empty(), "recoveryWindow", window);
        return hypothesis(h -> h.recoveryWindow(window));
    }

    private ExperimentDraft hypothesis(UnaryOperator<Hypothesis.Builder> change) {
        Hypothesis.Builder builder = Hypothesis.builder();
        experiment.hypothesis().ifPresent(builder::from);
        Hypothesis built = change.apply(builder).build();
        return change(b -> b.hypothesis(built));
    }

    /**
     * Adds an action under a name; its targets join the experiment's targets (under their
     * {@linkplain dev.faultline.dsl.Target#named(String) own names}, or {@code <TargetKey>-Target-<n>}; an equal
     * target used twice is one target).
     *
     * @param name the action name, unique in the experiment
     * @param action the action step
     * @return a new draft
     * @throws IllegalArgumentException if the name is used already, or a target's name is
     *     used by a different target
     */
    public ExperimentDraft action(String name, FaultAction<?> action) {
        Checks.text("action name", name);
        Objects.requireNonNull(action, "action");
        if (experiment.actions().containsKey(name)) {
            throw new IllegalArgumentException("action name '" + name + "' is already used in this experiment");
        }
        ActionData data = action.data();
        Experiment.Builder builder = Experiment.builder();
        builder.from(experiment);
        Map<String, TemplateTarget> targets = new java.util.LinkedHashMap<>(experiment.targets());
        Action.Builder model = Action.builder().actionId(data.actionId());
        data.description().ifPresent(model::description);
        model.putAllParameters(data.parameters());
        for (Map.Entry<String, TargetData> entry : data.targets().entrySet()) {
            String targetName = place(entry.getKey(), entry.getValue(), targets);
            model.putTarget(entry.getKey(), targetName);
        }
        model.addAllStartAfter(data.startAfter());
        builder.targets(targets);
        builder.putAction(name, model.build());
        return new ExperimentDraft(builder.build(), name);
    }

    /**
     * Adds an action that starts after the action added last (or first, if there is none).
     *
     * @param name the action name, unique in the experiment
     * @param action the action step
     * @return a new draft
     * @throws IllegalArgumentException if the name is used already
     */
    public ExperimentDraft then(String name, FaultAction<?> action) {
        Objects.requireNonNull(action, "action");
        return action(name, lastAction == null ? action : action.after(lastAction));
    }

    private static String place(String key, TargetData data, Map<String, TemplateTarget> targets) {
        TemplateTarget target = withDefaultSelection(data.target());
        if (data.name().isPresent()) {
            String name = data.name().get();
            TemplateTarget existing = targets.get(name);
            if (existing != null && !existing.equals(target)) {
                throw new IllegalArgumentException("target name '" + name + "' is already used by a different target: "
                        + existing.resourceType().orElse("?") + " " + existing.resourceTags());
            }
            targets.put(name, target);
            return name;
        }
        for (Map.Entry<String, TemplateTarget> existing : targets.entrySet()) {
            if (existing.getValue().equals(target)) {
                return existing.getKey();
            }
        }
        int n = 1;
        while (targets.containsKey(key + "-Target-" + n)) {
            n++;
        }
        String name = key + "-Target-" + n;
        targets.put(name, target);
        return name;
    }

    private static TemplateTarget withDefaultSelection(TemplateTarget target) {
        boolean byArnsOrParameters = !target.resourceArns().isEmpty()
                || target.resourceTags().isEmpty() && target.filters().isEmpty();
        if (target.selectionMode().isPresent() || !byArnsOrParameters) {
            return target;
        }
        TemplateTarget.Builder builder = TemplateTarget.builder();
        builder.from(target);
        return builder.selectionMode(SelectionMode.all()).build();
    }

    /**
     * Returns the experiment as written, with {@code [{"source":"none"}]} as stop conditions
     * when none were given. Never fails for a rule of FIS or a policy: call
     * {@link #validate(SafetyPolicy)} for those.
     *
     * @return the experiment
     */
    public Experiment build() {
        if (!experiment.stopConditions().isEmpty()) {
            return experiment;
        }
        Experiment.Builder builder = Experiment.builder();
        builder.from(experiment);
        return builder.addStopConditions(StopCondition.none()).build();
    }

    /**
     * Validates the experiment against FIS's rules, the catalog and a safety policy.
     *
     * @param policy the policy, for example {@code SafetyPolicy.staging()}
     * @return the violations; never throws
     */
    public ValidationResult validate(SafetyPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return Validator.standard().with(policy).validate(build());
    }

    /**
     * Validates the experiment against FIS's rules and the catalog, without a safety policy.
     *
     * @return the violations; never throws
     */
    public ValidationResult validate() {
        return Validator.standard().validate(build());
    }

    /**
     * The JSON FIS takes, indented: the {@code --cli-input-json} of
     * {@code aws fis create-experiment-template}, without Faultline's {@code name} and
     * {@code hypothesis}.
     *
     * @return the JSON text
     */
    public String toFisJson() {
        return TemplateJson.writeForFis(build());
    }

    /**
     * Faultline's JSON of the experiment, indented: the FIS template plus {@code name} and
     * {@code hypothesis}, as {@code faultline lint|plan|run} and {@code TemplateJson.read} take it
     * (FIS itself rejects those two fields; {@link #toFisJson()} leaves them out).
     *
     * @return the JSON text
     */
    public String toFaultlineJson() {
        return TemplateJson.writePretty(build());
    }

    /**
     * Faultline's JSON of the experiment, as {@link #toFaultlineJson()} (kept for existing callers;
     * {@link #toFisJson()} is what FIS takes).
     *
     * @return the JSON text
     */
    public String toJson() {
        return toFaultlineJson();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExperimentDraft && ((ExperimentDraft) o).experiment.equals(experiment)
                && Objects.equals(((ExperimentDraft) o).lastAction, lastAction);
    }

    @Override
    public int hashCode() {
        return experiment.hashCode();
    }

    /**
     * A readable summary of the experiment, one line per target and action.
     *
     * @return the summary
     */
    @Override
    public String toString() {
        return build().toString();
    }
}
