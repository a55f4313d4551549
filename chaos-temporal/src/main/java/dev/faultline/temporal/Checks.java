package dev.faultline.temporal;

import java.util.List;

/**
 * What the check activity found: whether the run may start (validation with the worker's
 * policy, and the engine's preflight: stop-condition alarms, targets by a skip-all preview,
 * permissions, steady state), why not, and how long the watchdog gives the run.
 *
 * @param passed true when nothing refuses the run
 * @param refusals the errors and failed checks, one line each
 * @param warnings the warnings, one line each
 * @param watchdogSeconds how long the run may last before the workflow stops it
 */
public record Checks(boolean passed, List<String> refusals, List<String> warnings, long watchdogSeconds) {

    /**
     * Normalises absent lists.
     *
     * @param passed passed
     * @param refusals the refusals
     * @param warnings the warnings
     * @param watchdogSeconds the watchdog
     */
    public Checks {
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
