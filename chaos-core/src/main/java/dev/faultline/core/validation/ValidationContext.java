package dev.faultline.core.validation;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * What rules may consult while checking an experiment: the action catalog, the experiment's
 * plan, built once however many rules ask for it, and a bound on its duration that is cheaper
 * than the plan and often enough to show that no duration limit is exceeded. A context serves one validation
 * on one thread; the {@link Validator} makes a new one for each.
 */
public final class ValidationContext {

    private final Catalog catalog;
    private Experiment planned;
    private ExperimentPlan plan;
    private Experiment bounded;
    private Duration bound;

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
        if (bound == null || bounded != experiment) {
            bound = ExperimentPlan.durationBound(experiment, catalog);
            bounded = experiment;
        }
        return bound;
    }
}
