package dev.faultline.core.validation;

import dev.faultline.core.model.Experiment;
import java.util.List;

/**
 * One set of checks on an experiment. Rules add violations to a list and never throw; a rule
 * that throws anyway is reported by the {@link Validator} as a {@code validator.internal} error.
 */
@FunctionalInterface
public interface ValidationRule {

    /**
     * Checks an experiment and adds what is wrong to {@code out}.
     *
     * @param experiment the experiment
     * @param context the catalog and other facts the checks need
     * @param out where to add violations
     */
    void check(Experiment experiment, ValidationContext context, List<Violation> out);
}
