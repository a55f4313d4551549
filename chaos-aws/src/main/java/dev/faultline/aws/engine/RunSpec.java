package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import java.time.Duration;
import java.util.Objects;

/**
 * What one run is: its ids, the experiment, the options, the plan and the watchdog's timeout,
 * whether the engine started it or attached to it, and whether its template is the engine's
 * to delete.
 *
 * @param experimentId the experiment id
 * @param templateId the template id, or null when unknown
 * @param experiment the experiment
 * @param options the run's options
 * @param plan the plan, or null when the experiment could not be planned
 * @param timeout how long after its start the watchdog stops the run
 * @param attached true when the engine attached to a run it did not start
 * @param ownsTemplate true when the template was created by an engine with this owner, so the
 *     clean-up policy applies to it
 */
record RunSpec(String experimentId, String templateId, Experiment experiment, RunOptions options,
        ExperimentPlan plan, Duration timeout, boolean attached, boolean ownsTemplate) {

    /**
     * Checks the components.
     *
     * @param experimentId the experiment id
     * @param templateId the template id
     * @param experiment the experiment
     * @param options the options
     * @param plan the plan
     * @param timeout the timeout
     * @param attached whether attached
     * @param ownsTemplate whether the template is the engine's
     */
    RunSpec {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(timeout, "timeout");
    }
}
