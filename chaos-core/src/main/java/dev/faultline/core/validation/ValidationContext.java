package dev.faultline.core.validation;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import java.util.Objects;

/**
 * What rules may consult while checking an experiment: the action catalog, and the
 * experiment's plan, built once however many rules ask for it. A context serves one validation
 * on one thread; the {@link Validator} makes a new one for each.
 */
public final class ValidationContext {

    private final Catalog catalog;
    private Experiment planned;
    private ExperimentPlan plan;

    private ValidationContext(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A context on a catalog.
     *
     * @param catalog the catalog of FIS actions and resource types
     * @return the context
     */
    public static ValidationContext of(Catalog catalog) {
        return new ValidationContext(Objects.requireNonNull(catalog, "catalog"));
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
}
