package dev.faultline.temporal;

import dev.faultline.core.json.ReadResult;
import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Violation;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One run for an {@link ExperimentWorkflow}: the experiment as FIS template JSON (Faultline's
 * shape, with its name and hypothesis, so the workflow history shows what ran), where it runs,
 * and its options. It is the workflow's input, so it holds only plain values.
 *
 * <pre>{@code
 * RunRequest request = RunRequest.of(nodeLoss).withTarget(RunTarget.of("111122223333", "eu-west-1", role));
 * }</pre>
 *
 * @param name a short name for the run (the experiment's name by default)
 * @param experimentJson the experiment as template JSON
 * @param target the account, Region and role
 * @param observeOnly record a steady-state breach instead of stopping the experiment
 * @param timeoutSeconds the watchdog: stop the run after this long; 0 for the plan's duration
 *     plus the worker's margin
 * @param tags tags added to the template and the experiment
 */
public record RunRequest(String name, String experimentJson, RunTarget target, boolean observeOnly,
        long timeoutSeconds, Map<String, String> tags) {

    /**
     * Checks the parts and fills the defaults.
     *
     * @param name the run's name
     * @param experimentJson the template JSON
     * @param target the target
     * @param observeOnly observe-only
     * @param timeoutSeconds the timeout
     * @param tags the tags
     */
    public RunRequest {
        Objects.requireNonNull(experimentJson, "experimentJson");
        name = name == null || name.isBlank() ? "experiment" : name;
        target = target == null ? RunTarget.defaultTarget() : target;
        if (timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must be 0 (plan + margin) or more, not "
                    + timeoutSeconds);
        }
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * A request for an experiment on the worker's default target.
     *
     * @param experiment the experiment
     * @return the request
     */
    public static RunRequest of(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        return new RunRequest(experiment.name().orElse("experiment"), TemplateJson.write(experiment), null,
                false, 0, Map.of());
    }

    /**
     * A request for an experiment given as template JSON.
     *
     * @param name the run's name
     * @param experimentJson the template JSON
     * @return the request
     */
    public static RunRequest of(String name, String experimentJson) {
        return new RunRequest(name, experimentJson, null, false, 0, Map.of());
    }

    /**
     * This request on another target.
     *
     * @param value the target
     * @return a new request
     */
    public RunRequest withTarget(RunTarget value) {
        return new RunRequest(name, experimentJson, value, observeOnly, timeoutSeconds, tags);
    }

    /**
     * This request with another name.
     *
     * @param value the name
     * @return a new request
     */
    public RunRequest withName(String value) {
        return new RunRequest(value, experimentJson, target, observeOnly, timeoutSeconds, tags);
    }

    /**
     * This request observe-only or not.
     *
     * @param value true to only record a steady-state breach
     * @return a new request
     */
    public RunRequest withObserveOnly(boolean value) {
        return new RunRequest(name, experimentJson, target, value, timeoutSeconds, tags);
    }

    /**
     * This request with a watchdog timeout.
     *
     * @param value the timeout, zero for the plan's duration plus the margin
     * @return a new request
     */
    public RunRequest withTimeout(Duration value) {
        return new RunRequest(name, experimentJson, target, observeOnly, value.toSeconds(), tags);
    }

    /**
     * Reads the experiment as it runs on its target: the target's role in place of its own, and
     * its account and Region in the account-scoped ARNs (stop-condition alarms, resource ARNs, the
     * log group), so an experiment written for one account runs in every account of a campaign.
     *
     * @return the experiment
     * @throws IllegalArgumentException when the JSON cannot be read, naming the first problem
     */
    public Experiment experiment() {
        ReadResult read = TemplateJson.read(experimentJson);
        if (read.experiment().isEmpty()) {
            String problems = read.violations().errors().stream().limit(3).map(Violation::toString)
                    .collect(Collectors.joining("; "));
            throw new IllegalArgumentException("The experiment of run " + name + " is not readable template JSON: "
                    + problems);
        }
        return TargetArns.map(read.experiment().get(), target);
    }
}
