package dev.faultline.core.engine;

import java.util.Objects;

/**
 * One check made before a run: what was checked, how it went, and what to do about a failure.
 *
 * @param name what was checked: {@code validation}, {@code stop-conditions}, {@code targets},
 *     {@code permissions}, {@code steady-state} or {@code safety-lever}
 * @param status how it went
 * @param message what was found, and for a failure how to fix it
 */
public record PreflightCheck(String name, Status status, String message) {

    /** The name of the validation check. */
    public static final String VALIDATION = "validation";
    /** The name of the check that every stop-condition alarm is {@code OK}. */
    public static final String STOP_CONDITIONS = "stop-conditions";
    /** The name of the check that the targets resolve (the {@code skip-all} preview). */
    public static final String TARGETS = "targets";
    /** The name of the check that the role may do what the actions need. */
    public static final String PERMISSIONS = "permissions";
    /** The name of the check that the hypothesis holds before the start. */
    public static final String STEADY_STATE = "steady-state";
    /** The name of the check that the account's FIS safety lever is not engaged. */
    public static final String SAFETY_LEVER = "safety-lever";

    /** How a check went. */
    public enum Status {
        /** Nothing wrong. */
        PASSED,
        /** Something worth knowing that does not refuse the run. */
        WARNING,
        /** The run must not start. */
        FAILED,
        /** Not made (for example no IAM client, or no hypothesis). */
        SKIPPED
    }

    /**
     * Checks the components.
     *
     * @param name the name
     * @param status the status
     * @param message the message
     */
    public PreflightCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
    }

    /**
     * Creates a passed check.
     *
     * @param name what was checked
     * @param message what was found
     * @return the check
     */
    public static PreflightCheck passed(String name, String message) {
        return new PreflightCheck(name, Status.PASSED, message);
    }

    /**
     * Creates a failed check.
     *
     * @param name what was checked
     * @param message what is wrong and how to fix it
     * @return the check
     */
    public static PreflightCheck failed(String name, String message) {
        return new PreflightCheck(name, Status.FAILED, message);
    }

    /**
     * Creates a skipped check.
     *
     * @param name what was not checked
     * @param message why
     * @return the check
     */
    public static PreflightCheck skipped(String name, String message) {
        return new PreflightCheck(name, Status.SKIPPED, message);
    }

    /**
     * The check on one line.
     *
     * @return for example {@code [PASSED] stop-conditions: 1 alarm OK}
     */
    @Override
    public String toString() {
        return "[" + status + "] " + name + ": " + message;
    }
}
