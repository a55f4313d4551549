package dev.faultline.core.validation;

import dev.faultline.core.catalog.ActionDefinition;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.model.SelectionMode;
import dev.faultline.core.model.StopCondition;
import dev.faultline.core.model.TemplateTarget;
import dev.faultline.core.plan.ExperimentPlan;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What rules may consult while checking an experiment: the action catalog, the experiment's
 * plan, built once however many rules ask for it, and a bound on its duration that is cheaper
 * than the plan and often enough to show that no duration limit is exceeded, and the source
 * layout of the experiment where a rule must tell an empty collection from a missing one. A
 * context serves one validation on one thread; the {@link Validator} makes a new one for each.
 *
 * <p>It also remembers, for the last action, target, stop condition and experiment asked about,
 * the optional fields several rules read in turn ({@link #actionId(Action)},
 * {@link #resourceType(TemplateTarget)}, {@link #source(StopCondition)}, ...): each call of the
 * model's {@code Optional} accessors makes a new {@code Optional}, which the JIT does not remove.
 */
public final class ValidationContext {

    private final Catalog catalog;
    private final SourceLayout layout;
    private Experiment planned;
    private ExperimentPlan plan;
    private Experiment bounded;
    private long boundSeconds;
    private Action action;
    private Optional<String> actionId;
    private Action defined;
    private Optional<ActionDefinition> definition;
    private TemplateTarget target;
    private Optional<String> resourceType;
    private Optional<SelectionMode> selectionMode;
    private StopCondition condition;
    private Optional<String> source;
    private Optional<String> value;
    private Experiment roled;
    private Optional<String> roleArn;

    private ValidationContext(Catalog catalog, SourceLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
    }

    /**
     * A context on a catalog.
     *
     * @param catalog the catalog of FIS actions and resource types
     * @return the context
     */
    public static ValidationContext of(Catalog catalog) {
        return of(catalog, SourceLayout.NONE);
    }

    /**
     * A context on a catalog, for an experiment read from a source with this layout.
     *
     * @param catalog the catalog of FIS actions and resource types
     * @param layout the collections the source held present but empty
     * @return the context
     */
    public static ValidationContext of(Catalog catalog, SourceLayout layout) {
        return new ValidationContext(Objects.requireNonNull(catalog, "catalog"), Objects.requireNonNull(layout, "layout"));
    }

    /**
     * The source layout of the experiment: which collections its source held present but
     * empty; {@link SourceLayout#NONE} for an experiment built in code.
     *
     * @return the layout
     */
    public SourceLayout layout() {
        return layout;
    }

    /**
     * The catalog of FIS actions and resource types.
     *
     * @return the catalog
     */
    public Catalog catalog() {
        return catalog;
    }

    /**
     * The plan of an experiment on this context's catalog, built on the first call and reused
     * for the same experiment.
     *
     * @param experiment the experiment being validated
     * @return its plan
     */
    public ExperimentPlan plan(Experiment experiment) {
        if (plan == null || planned != experiment) {
            plan = ExperimentPlan.of(experiment, catalog);
            planned = experiment;
        }
        return plan;
    }

    /**
     * An upper bound on the experiment's total duration and on each of its actions' durations,
     * computed on the first call and reused for the same experiment: the sum of the actions'
     * durations, see {@link ExperimentPlan#durationBound(Experiment, Catalog)}. A rule on a
     * duration limit needs {@linkplain #plan(Experiment) the plan} only when this is over the limit.
     *
     * @param experiment the experiment being validated
     * @return the bound
     */
    public Duration durationBound(Experiment experiment) {
        return Duration.ofSeconds(boundSeconds(experiment));
    }

    /**
     * Tells whether {@linkplain #durationBound(Experiment) the bound} is at most a limit, comparing
     * seconds (the bound is whole seconds) so that no {@code Duration} is made for a template that
     * is within it.
     *
     * @param experiment the experiment being validated
     * @param limit the limit
     * @return true when the bound shows that neither the experiment nor any action exceeds the limit
     */
    public boolean durationBoundWithin(Experiment experiment, Duration limit) {
        return boundSeconds(experiment) <= limit.getSeconds(); // (s, 0) <= (ls, ln) exactly when s <= ls
    }

    private long boundSeconds(Experiment experiment) {
        if (bounded != experiment) {
            long seconds = 0; // as ExperimentPlan.durationBoundSeconds, with the definitions this context remembers
            for (Action a : experiment.actions().values()) {
                seconds += ExperimentPlan.durationBoundSeconds(a, actionDefinition(a).orElse(null));
            }
            boundSeconds = seconds;
            bounded = experiment;
        }
        return boundSeconds;
    }

    /**
     * An action's id, {@code action.actionId()}, read once while rules ask about the same action in
     * turn (the same {@code Optional} is returned each time).
     *
     * @param action an action of the experiment being validated
     * @return its id
     */
    public Optional<String> actionId(Action action) {
        if (action != this.action) {
            actionId = action.actionId();
            this.action = action;
        }
        return actionId;
    }

    /**
     * An action's definition in this context's catalog, looked up once while rules ask about the
     * same action in turn.
     *
     * @param action an action of the experiment being validated
     * @return its definition; empty when it has no id or the catalog has no such action
     */
    public Optional<ActionDefinition> actionDefinition(Action action) {
        if (action != defined) {
            Optional<String> id = actionId(action);
            definition = id.isPresent() ? catalog.action(id.get()) : Optional.empty();
            defined = action;
        }
        return definition;
    }

    /**
     * A target's resource type, {@code target.resourceType()}, read once while rules ask about the
     * same target in turn.
     *
     * @param target a target of the experiment being validated
     * @return its resource type
     */
    public Optional<String> resourceType(TemplateTarget target) {
        remember(target);
        return resourceType;
    }

    /**
     * A target's selection mode, {@code target.selectionMode()}, read once while rules ask about
     * the same target in turn.
     *
     * @param target a target of the experiment being validated
     * @return its selection mode
     */
    public Optional<SelectionMode> selectionMode(TemplateTarget target) {
        remember(target);
        return selectionMode;
    }

    private void remember(TemplateTarget target) {
        if (target != this.target) {
            resourceType = target.resourceType();
            selectionMode = target.selectionMode();
            this.target = target;
        }
    }

    /**
     * A stop condition's source, {@code condition.source()}, read once while rules ask about the
     * same stop condition in turn.
     *
     * @param condition a stop condition of the experiment being validated
     * @return its source
     */
    public Optional<String> source(StopCondition condition) {
        remember(condition);
        return source;
    }

    /**
     * A stop condition's value (the alarm ARN), {@code condition.value()}, read once while rules
     * ask about the same stop condition in turn.
     *
     * @param condition a stop condition of the experiment being validated
     * @return its value
     */
    public Optional<String> value(StopCondition condition) {
        remember(condition);
        return value;
    }

    private void remember(StopCondition condition) {
        if (condition != this.condition) {
            source = condition.source();
            value = condition.value();
            this.condition = condition;
        }
    }

    /**
     * The experiment's role ARN, {@code experiment.roleArn()}, read once for the rules that check
     * it.
     *
     * @param experiment the experiment being validated
     * @return its role ARN
     */
    public Optional<String> roleArn(Experiment experiment) {
        if (experiment != roled) {
            roleArn = experiment.roleArn();
            roled = experiment;
        }
        return roleArn;
    }
}
