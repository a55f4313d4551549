package dev.faultline.core.validation;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.layout.SourceLayout;
import dev.faultline.core.model.Experiment;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks experiments against FIS's API rules, the action catalog, the startAfter graph and
 * any further rules (a safety policy), returning every problem found. Immutable and
 * thread-safe; {@link #validate(Experiment)} never throws.
 *
 * <pre>{@code
 * ValidationResult result = Validator.standard()
 *     .with(SafetyPolicy.staging())
 *     .validate(experiment);
 * }</pre>
 */
public final class Validator {

    private static final List<ValidationRule> STANDARD_RULES = List.of(
            new ApiRules(), new ArnRules(), new CatalogRules(), new GraphRules(), new QuotaRules(),
            new HypothesisRules());

    private static final Validator STANDARD = new Validator(null, STANDARD_RULES);

    private final Catalog catalog;
    private final List<ValidationRule> rules;

    private Validator(Catalog catalog, List<ValidationRule> rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /**
     * The validator with FIS's rules only: API constraints, ARNs and placeholders, the catalog
     * (actions, target keys, resource types, parameters), the startAfter graph and the quotas.
     *
     * @return the standard validator, on the default catalog
     */
    public static Validator standard() {
        return STANDARD;
    }

    /**
     * This validator with one more rule, such as a {@code SafetyPolicy}.
     *
     * @param rule the rule to add
     * @return a new validator
     */
    public Validator with(ValidationRule rule) {
        Objects.requireNonNull(rule, "rule");
        List<ValidationRule> more = new ArrayList<>(rules);
        more.add(rule);
        return new Validator(catalog, List.copyOf(more));
    }

    /**
     * This validator for a file meant as input to {@code aws fis create-experiment-template
     * --cli-input-json}: it also warns ({@code template.field-faultline-only}) at each field that
     * command rejects: Faultline's {@code name} and {@code hypothesis}, target account
     * configurations, and the fields of a GetExperimentTemplate answer.
     *
     * @return a new validator
     */
    public Validator forFisInput() {
        return with(new FisInputRules());
    }

    /**
     * This validator on another catalog (for actions FIS added after this release, say).
     *
     * @param catalog the catalog
     * @return a new validator
     */
    public Validator withCatalog(Catalog catalog) {
        return new Validator(Objects.requireNonNull(catalog, "catalog"), rules);
    }

    /**
     * Checks an experiment. Never throws: a rule that fails is reported as a
     * {@code validator.internal} error and the other rules still run.
     *
     * @param experiment the experiment
     * @return every violation found, in rule order
     */
    public ValidationResult validate(Experiment experiment) {
        return validate(experiment, SourceLayout.NONE);
    }

    /**
     * Checks an experiment read from a source whose layout is known: where FIS tells an empty
     * collection from a missing one ({@code "stopConditions": []} is accepted, no
     * {@code stopConditions} is not), the rules ask the layout. Never throws.
     *
     * @param experiment the experiment
     * @param layout the collections the source held present but empty, {@link SourceLayout#NONE} for none
     * @return every violation found, in rule order
     */
    public ValidationResult validate(Experiment experiment, SourceLayout layout) {
        Objects.requireNonNull(experiment, "experiment");
        ValidationContext context = ValidationContext.of(catalog == null ? Catalog.defaultCatalog() : catalog, layout);
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) { // indexed: no iterator to allocate per template
            ValidationRule rule = rules.get(i);
            try {
                rule.check(experiment, context, out);
            } catch (RuntimeException e) {
                out.add(Violation.error(ViolationCode.TEMPLATE_RULE_FAILED, "",
                        "The rule " + rule.getClass().getSimpleName() + " failed on this template (" + e
                                + "); the other rules still ran. Please report it.", null));
            }
        }
        return ValidationResult.of(out);
    }
}
