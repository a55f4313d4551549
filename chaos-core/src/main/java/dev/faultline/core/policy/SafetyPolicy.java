package dev.faultline.core.policy;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.ValidationContext;
import dev.faultline.core.validation.ValidationResult;
import dev.faultline.core.validation.ValidationRule;
import dev.faultline.core.validation.Violation;
import dev.faultline.core.validation.ViolationCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An organisation's safety rules for chaos experiments, on top of FIS's own: how much of a
 * fleet a target may select, whether an alarm must be able to stop the experiment, how long it
 * may run, which actions, accounts and Regions it may use, which template tags it must carry,
 * and a stricter policy for experiments that touch production. Every limit is optional; an
 * absent one means no limit.
 *
 * <p>A policy is a {@link ValidationRule}: it adds {@code policy.*} violations (severity
 * ERROR, with a JSON Pointer path into the template and a hint) and never throws. Policies are
 * immutable values, compose with {@link #and(SafetyPolicy)}, and read and write JSON
 * ({@link #parse(String)}, {@link #load(Path)}, {@link #toJson()}); the presets
 * {@link #sandbox()}, {@link #staging()} and {@link #production()} are shipped as JSON data
 * files and described in {@code docs/policies.md}.
 *
 * <pre>{@code
 * ValidationResult result = Validator.standard()
 *     .with(SafetyPolicy.staging())
 *     .validate(experiment);
 *
 * SafetyPolicy team = SafetyPolicy.builder()
 *     .name("payments")
 *     .maxPercent(20)
 *     .addAllowedAction("aws:ec2:*")
 *     .addAllowedAccount("123456789012")
 *     .build();
 * SafetyPolicy both = SafetyPolicy.production().and(team);   // the stricter of the two
 * String json = both.toJson();                                // SafetyPolicy.parse(json).equals(both)
 * }</pre>
 */
@Value.Immutable
public abstract class SafetyPolicy implements ValidationRule {

    private static final SafetyPolicy NONE = new Builder().build();

    /**
     * Creates a builder for a policy.
     *
     * @return a new, empty builder (which builds a policy with no rules)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy with no rules: it adds no violation.
     *
     * @return the empty policy
     */
    public static SafetyPolicy none() {
        return NONE;
    }

    /**
     * The {@code sandbox} preset: no rules beyond FIS's own limits, which the standard validator
     * checks anyway.
     *
     * @return the sandbox preset
     */
    public static SafetyPolicy sandbox() {
        return Presets.get(Presets.SANDBOX);
    }

    /**
     * The {@code staging} preset: at most PERCENT(50), no unbounded ALL on tag-selected targets,
     * an alarm stop condition, at most four hours, and the production policy for targets tagged
     * {@code Environment=production} or {@code prod}. See {@code docs/policies.md}.
     *
     * @return the staging preset
     */
    public static SafetyPolicy staging() {
        return Presets.get(Presets.STAGING);
    }

    /**
     * The {@code production} preset: at most PERCENT(25) and 5 resources per target, no
     * unbounded ALL on tag-selected targets, an alarm stop condition, a hypothesis, at most one
     * hour, no irreversible action, and an {@code Owner} template tag. See
     * {@code docs/policies.md}.
     *
     * @return the production preset
     */
    public static SafetyPolicy production() {
        return Presets.get(Presets.PRODUCTION);
    }

    /**
     * A preset by name, ignoring case.
     *
     * @param name {@code sandbox}, {@code staging} or {@code production}
     * @return the preset
     * @throws IllegalArgumentException naming the presets if there is no such preset
     */
    public static SafetyPolicy preset(String name) {
        Objects.requireNonNull(name, "name");
        return Presets.get(name);
    }

    /**
     * The names of the presets, mildest first.
     *
     * @return {@code [sandbox, staging, production]}
     */
    public static List<String> presetNames() {
        return Presets.NAMES;
    }

    /**
     * Reads a policy from its JSON text (the format {@link #toJson()} writes and
     * {@code docs/policies.md} describes).
     *
     * @param json the JSON text
     * @return the policy
     * @throws PolicyException listing every problem, each with its line and column (syntax) or
     *     JSON Pointer (types, ranges, unknown fields)
     */
    public static SafetyPolicy parse(String json) {
        Objects.requireNonNull(json, "json");
        return PolicyJson.read(json, "policy JSON");
    }

    /**
     * Reads a policy from a JSON file.
     *
     * @param file the file, UTF-8
     * @return the policy
     * @throws PolicyException if the file cannot be read, naming the file, or holds a bad policy
     */
    public static SafetyPolicy load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException("The policy file " + file + " cannot be read: " + e, e);
        }
        return PolicyJson.read(text, file.toString());
    }

    /**
     * The policy's name, used in messages ("the staging policy allows at most PERCENT(50)").
     *
     * @return the name, if set
     */
    public abstract Optional<String> name();

    /**
     * What the policy is for, in words.
     *
     * @return the description, if set
     */
    public abstract Optional<String> description();

    /**
     * The largest {@code PERCENT(n)} a target may select.
     *
     * @return the limit, 1 to 100, if set
     */
    public abstract OptionalInt maxPercent();

    /**
     * The most resources a target may select: the n of {@code COUNT(n)}, and for a target given
     * by ARNs, how many of its ARNs its selection mode chooses.
     *
     * @return the limit, at least 1, if set
     */
    public abstract OptionalInt maxCount();

    /**
     * The longest an experiment may run, from its start to the end of its last action, as
     * planned by {@link dev.faultline.core.plan.ExperimentPlan}.
     *
     * @return the limit, positive, if set
     */
    public abstract Optional<Duration> maxDuration();

    /**
     * Whether {@code ALL} is forbidden on a target chosen by tags or filters, unless the target
     * is confined to one Availability Zone (see {@code docs/policies.md}).
     *
     * @return true to forbid
     */
    @Value.Default
    public boolean forbidAllOnTagSelectedTargets() {
        return false;
    }

    /**
     * Whether the experiment needs at least one CloudWatch alarm stop condition.
     *
     * @return true to require one
     */
    @Value.Default
    public boolean requireAlarmStopCondition() {
        return false;
    }

    /**
     * Whether the experiment needs a steady-state hypothesis.
     *
     * @return true to require one
     */
    @Value.Default
    public boolean requireHypothesis() {
        return false;
    }

    /**
     * Whether actions the catalog marks irreversible (as given their parameters) are forbidden.
     *
     * @return true to forbid them
     */
    @Value.Default
    public boolean forbidIrreversibleActions() {
        return false;
    }

    /**
     * The action ids allowed, as globs ({@code aws:ec2:*}); empty allows every action.
     *
     * @return the allowed action patterns
     */
    public abstract Set<String> allowedActions();

    /**
     * The action ids forbidden, as globs; checked after {@link #allowedActions()}.
     *
     * @return the forbidden action patterns
     */
    public abstract Set<String> forbiddenActions();

    /**
     * The template tags the experiment must carry, with the values they may have.
     *
     * @return the required tags, one per key
     */
    public abstract List<TagPattern> requiredTags();

    /**
     * The accounts every ARN of the experiment must be in; empty allows any account.
     *
     * @return 12-digit account IDs
     */
    public abstract Set<String> allowedAccounts();

    /**
     * The Regions every ARN of the experiment must be in; empty allows any Region.
     *
     * @return Region codes such as {@code eu-west-1}
     */
    public abstract Set<String> allowedRegions();

    /**
     * The resource tags that make a target production (keys and values match ignoring case).
     *
     * @return the markers, one per key
     */
    public abstract List<TagPattern> productionMarkers();

    /**
     * The policy applied in addition when any target is production (see
     * {@link #productionMarkers()}); it has no production markers of its own.
     *
     * @return the production policy, if set
     */
    public abstract Optional<SafetyPolicy> productionPolicy();

    /**
     * The stricter combination of this policy and another: the smaller of each limit, the union
     * of forbidden actions and required tags, the intersection of allowed actions, accounts and
     * Regions, and a rule on when either has it. Both production policies apply when a target
     * matches either's markers.
     *
     * @param other the other policy
     * @return a policy that reports at least what either one reports (at an action id, its one
     *     error may carry a more specific code than either policy alone)
     * @throws IllegalArgumentException if the two contradict each other, so that no experiment
     *     could satisfy both (disjoint allowed actions, accounts or Regions, or different values
     *     required for one tag)
     */
    public SafetyPolicy and(SafetyPolicy other) {
        Objects.requireNonNull(other, "other");
        return Composition.and(this, other);
    }

    /**
     * The targets of an experiment that are production, by this policy's markers.
     *
     * @param experiment the experiment
     * @return target names with the tag that marks each ({@code workers -> Environment=prod}),
     *     in template order
     */
    public Map<String, String> productionTargets(Experiment experiment) {
        return ProductionRules.targets(this, Objects.requireNonNull(experiment, "experiment"));
    }

    /**
     * Checks an experiment against this policy, and against the production policy as well when
     * a target is production. Never throws.
     *
     * @param experiment the experiment
     * @param context the catalog, for reversibility and durations
     * @param out where to add the violations
     */
    @Override
    public void check(Experiment experiment, ValidationContext context, List<Violation> out) {
        int start = out.size(); // this policy's violations are out[start..]: no list of their own to make and copy
        try {
            PolicyRules.check(this, experiment, context, lead(), out);
            ProductionRules.check(this, experiment, context, out, start);
        } catch (RuntimeException e) {
            out.add(Violation.error(ViolationCode.POLICY_CHECK_FAILED, "", lead() + " could not be checked on this template ("
                    + e + "); please report it.", null));
        }
    }

    /**
     * Checks an experiment against this policy alone, on the default catalog (the FIS rules of
     * {@code Validator.standard()} are not run).
     *
     * @param experiment the experiment
     * @return this policy's violations
     */
    public ValidationResult check(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        List<Violation> out = new ArrayList<>();
        check(experiment, ValidationContext.of(Catalog.defaultCatalog()), out);
        return ValidationResult.of(out);
    }

    /**
     * Writes this policy as JSON that {@link #parse(String)} reads back to an equal policy;
     * limits that are not set and rules that are off are left out, durations are ISO-8601
     * text ({@code "PT4H"}).
     *
     * @return the JSON text, indented, ending with a newline
     */
    public String toJson() {
        return PolicyJson.write(this);
    }

    /**
     * "The staging policy", or "The safety policy" for a policy without a name; made on first use
     * and kept, since every check of a clean template would otherwise build it anew.
     */
    @Value.Lazy
    String lead() {
        return "The " + name().map(n -> n + " policy").orElse("safety policy");
    }

    /** The limits the checks read for every template, kept: each call of a generated Optional accessor allocates. */
    @Value.Lazy
    PolicyLimits limits() {
        return new PolicyLimits(maxDuration().orElse(null), productionPolicy().orElse(null));
    }

    @Value.Check
    void invariants() {
        PolicyInvariants.check(this);
    }

    /** Builds {@link SafetyPolicy} values; {@code build()} throws IllegalArgumentException on a broken limit. */
    public static final class Builder extends ImmutableSafetyPolicy.Builder {
        /** Creates an empty builder; prefer {@link SafetyPolicy#builder()}. */
        public Builder() {}
    }
}
