package dev.faultline.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One FIS action ({@code aws:<service>:<name>}): its target keys and their resource types,
 * its parameters, which parameter carries its duration, whether its harm is reversible, the
 * IAM permissions it needs and its per-action target quota.
 *
 * <p>Instances are created by the catalog loader only; read them through {@link Catalog}.
 *
 * <pre>{@code
 * ActionDefinition stop = Catalog.defaultCatalog().action("aws:ec2:stop-instances").orElseThrow();
 * stop.targets().keySet();        // [Instances]
 * stop.durationParameter();       // Optional[startInstancesAfterDuration]
 * stop.parameter("duration");     // Optional.empty: stop-instances has no duration parameter
 * stop.targetQuota();             // OptionalInt[5]
 * }</pre>
 */
public final class ActionDefinition {

    private final String id;
    private final String description;
    private final boolean deprecated;
    private final String replacedBy;
    private final Map<String, TargetKeyDefinition> targets;
    private final Identification identification;
    private final Map<String, ParameterDefinition> parameters;
    /** Made once: the plan and the validator ask for it for every action, and an Optional made on each call is an allocation C2 keeps. */
    private final Optional<String> durationParameter;
    private final boolean reversible;
    private final String reversibleOnlyWith;
    private final List<String> permissions;
    private final Integer targetQuota;
    private final String quotaCode;
    private final List<String> unconfirmed;
    private final List<ParameterDefinition> requirable;

    private ActionDefinition(Builder builder) {
        this.id = Objects.requireNonNull(builder.id, "id");
        this.description = Objects.requireNonNull(builder.description, "description");
        this.deprecated = builder.deprecated;
        this.replacedBy = builder.replacedBy;
        this.targets = Collections.unmodifiableMap(new LinkedHashMap<>(builder.targets));
        this.identification = builder.identification;
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
        this.durationParameter = Optional.ofNullable(builder.durationParameter);
        this.reversible = builder.reversible;
        this.reversibleOnlyWith = builder.reversibleOnlyWith;
        this.permissions = List.copyOf(builder.permissions);
        this.targetQuota = builder.targetQuota;
        this.quotaCode = builder.quotaCode;
        this.unconfirmed = List.copyOf(builder.unconfirmed);
        List<ParameterDefinition> requirable = new ArrayList<>();
        for (ParameterDefinition p : parameters.values()) {
            if (p.required() || p.requiredWhen().isPresent()) {
                requirable.add(p);
            }
        }
        this.requirable = List.copyOf(requirable);
    }

    static Builder builder(String id) {
        return new Builder(id);
    }

    /**
     * Returns the action ID.
     *
     * @return for example {@code aws:ec2:stop-instances}
     */
    public String id() {
        return id;
    }

    /**
     * Returns the service part of the ID, which groups actions into families.
     *
     * @return for example {@code ec2} for {@code aws:ec2:stop-instances}
     */
    public String service() {
        int first = id.indexOf(':');
        int second = id.indexOf(':', first + 1);
        return id.substring(first + 1, second);
    }

    /**
     * Returns a one-line description of what the action does.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Tells whether the action is a legacy name that FIS documentation no longer lists.
     *
     * @return true for deprecated actions
     */
    public boolean deprecated() {
        return deprecated;
    }

    /**
     * Returns the action that replaces a deprecated one.
     *
     * @return the replacement's ID, or empty when the action is current
     */
    public Optional<String> replacedBy() {
        return Optional.ofNullable(replacedBy);
    }

    /**
     * Returns the action's target keys with their accepted resource types, in data-file
     * order. Empty for {@code aws:fis:wait}, {@code aws:cloudwatch:assert-alarm-state} and
     * {@code aws:ssm:start-automation-execution}.
     *
     * @return the target keys by key (unmodifiable)
     */
    public Map<String, TargetKeyDefinition> targets() {
        return targets;
    }

    /**
     * Returns the restriction this action puts on how its targets are identified, on top of
     * the resource type's own rule (see {@link Identification#narrowedBy(Identification)}).
     *
     * @return the restriction, or empty when the resource type's rule applies unchanged
     */
    public Optional<Identification> identification() {
        return Optional.ofNullable(identification);
    }

    /**
     * Returns the action's parameters in documented order.
     *
     * @return the parameters by name (unmodifiable)
     */
    public Map<String, ParameterDefinition> parameters() {
        return parameters;
    }

    /**
     * Finds a parameter by its exact, case-sensitive name.
     *
     * @param name the parameter name
     * @return the parameter, or empty when the action has no such parameter
     */
    public Optional<ParameterDefinition> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /**
     * Returns the parameters that must always be given.
     *
     * @return the required parameters in documented order
     */
    public List<ParameterDefinition> requiredParameters() {
        return parameters.values().stream().filter(ParameterDefinition::required).toList();
    }

    /**
     * Returns the parameters that a template may have to give: those always required and those
     * required under a condition on the others ({@link ParameterDefinition#requiredWhen()}), made
     * once, so that checking for missing parameters walks a list instead of every parameter.
     *
     * @return those parameters in documented order
     */
    public List<ParameterDefinition> requirableParameters() {
        return requirable;
    }

    /**
     * Returns the parameter that carries the action's duration: {@code duration} for most,
     * {@code maxDuration} for the Kubernetes custom-resource and SSM automation actions,
     * {@code startInstancesAfterDuration} for {@code aws:ec2:stop-instances}.
     *
     * @return the parameter name, or empty for instant actions such as terminate or reboot
     */
    public Optional<String> durationParameter() {
        return durationParameter;
    }

    /**
     * Tells whether the action's harm is reversible: when its duration ends or the experiment
     * is stopped, FIS lifts the fault and the targets return to service without having been
     * destroyed, restarted, failed over or killed. See {@code docs/catalog.md} for the rule.
     * Some actions are reversible only when a parameter is set; see {@link #reversibleOnlyWith()}.
     *
     * @return true when the harm is reversible
     */
    public boolean reversible() {
        return reversible;
    }

    /**
     * Returns the parameter that must be set for the action to be reversible, for example
     * {@code startInstancesAfterDuration} for {@code aws:ec2:stop-instances}.
     *
     * @return the parameter name, or empty when {@link #reversible()} holds unconditionally
     */
    public Optional<String> reversibleOnlyWith() {
        return Optional.ofNullable(reversibleOnlyWith);
    }

    /**
     * Tells whether the action is reversible when given exactly these parameters.
     *
     * @param parameterNames the names of the parameters the action is given
     * @return {@link #reversible()}, and false when {@link #reversibleOnlyWith()} names a
     *     parameter that is not among them
     */
    public boolean reversibleWith(Collection<String> parameterNames) {
        Objects.requireNonNull(parameterNames, "parameterNames");
        return reversible && (reversibleOnlyWith == null || parameterNames.contains(reversibleOnlyWith));
    }

    /**
     * Returns the IAM actions the experiment role needs to run this action, as listed in the
     * FIS actions reference ({@code tag:GetResources} only where the reference lists it).
     *
     * @return IAM action names such as {@code ec2:StopInstances}; empty for {@code aws:fis:wait}
     *     and the Kubernetes custom-resource action
     */
    public List<String> permissions() {
        return permissions;
    }

    /**
     * Returns the default Service Quotas limit on how many resources one run of this action
     * may target.
     *
     * @return the default quota, or empty when the action has none or its default is
     *     unconfirmed
     */
    public OptionalInt targetQuota() {
        return targetQuota == null ? OptionalInt.empty() : OptionalInt.of(targetQuota);
    }

    /**
     * Returns the Service Quotas code of the action's target quota.
     *
     * @return for example {@code L-3F98B425}, or empty when the action has no target quota
     */
    public Optional<String> quotaCode() {
        return Optional.ofNullable(quotaCode);
    }

    /**
     * Returns what the reference could not confirm about this action.
     *
     * @return notes; empty when everything is confirmed
     */
    public List<String> unconfirmed() {
        return unconfirmed;
    }

    /**
     * Finds the target key under which a target of the given resource type is used.
     *
     * @param resourceType a resource type such as {@code aws:ec2:instance}
     * @return the first key that accepts the type, or empty when none does
     */
    public Optional<String> targetKeyFor(String resourceType) {
        return targets.values().stream()
                .filter(key -> key.accepts(resourceType))
                .map(TargetKeyDefinition::key)
                .findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActionDefinition that
                && id.equals(that.id)
                && description.equals(that.description)
                && deprecated == that.deprecated
                && Objects.equals(replacedBy, that.replacedBy)
                && targets.equals(that.targets)
                && Objects.equals(identification, that.identification)
                && parameters.equals(that.parameters)
                && Objects.equals(durationParameter, that.durationParameter)
                && reversible == that.reversible
                && Objects.equals(reversibleOnlyWith, that.reversibleOnlyWith)
                && permissions.equals(that.permissions)
                && Objects.equals(targetQuota, that.targetQuota)
                && Objects.equals(quotaCode, that.quotaCode)
                && unconfirmed.equals(that.unconfirmed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, targets, parameters);
    }

    @Override
    public String toString() {
        return id + targets.keySet() + parameters.keySet() + (deprecated ? " (deprecated)" : "");
    }

    /** Collects the fields of an action while the loader reads it. */
    static final class Builder {
        private final String id;
        private String description = "";
        private boolean deprecated;
        private String replacedBy;
        private Map<String, TargetKeyDefinition> targets = Map.of();
        private Identification identification;
        private Map<String, ParameterDefinition> parameters = Map.of();
        private String durationParameter;
        private boolean reversible;
        private String reversibleOnlyWith;
        private List<String> permissions = List.of();
        private Integer targetQuota;
        private String quotaCode;
        private List<String> unconfirmed = List.of();

        private Builder(String id) {
            this.id = id;
        }

        Builder description(String value) {
            this.description = value;
            return this;
        }

        Builder deprecated(boolean value, String replacement) {
            this.deprecated = value;
            this.replacedBy = replacement;
            return this;
        }

        Builder targets(Map<String, TargetKeyDefinition> value) {
            this.targets = value;
            return this;
        }

        Builder identification(Identification value) {
            this.identification = value;
            return this;
        }

        Builder parameters(Map<String, ParameterDefinition> value) {
            this.parameters = value;
            return this;
        }

        Builder durationParameter(String value) {
            this.durationParameter = value;
            return this;
        }

        Builder reversible(boolean value, String onlyWith) {
            this.reversible = value;
            this.reversibleOnlyWith = onlyWith;
            return this;
        }

        Builder permissions(List<String> value) {
            this.permissions = value;
            return this;
        }

        Builder quota(Integer value, String code) {
            this.targetQuota = value;
            this.quotaCode = code;
            return this;
        }

        Builder unconfirmed(List<String> value) {
            this.unconfirmed = value;
            return this;
        }

        ActionDefinition build() {
            return new ActionDefinition(this);
        }
    }
}
