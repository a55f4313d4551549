package dev.faultline.core.engine;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of an experiment run, as FIS names it ({@code ExperimentState.status}), plus
 * Faultline's own {@link #QUEUED}, with the table of legal transitions that an
 * {@link ExperimentRun}'s state machine follows.
 *
 * <p>A poller may miss short-lived states, so a transition may skip forward (for example
 * {@code pending → running}); it never goes back, and a terminal state never changes. A queued
 * run moves only to {@code pending} (admitted: the engine creates and starts it) or to
 * {@code cancelled} (cancelled, or its timeout ran out, before anything was created).
 */
public enum RunState {
    /**
     * Waiting for a slot under the account's quota of active experiments; nothing exists in the
     * service yet. Faultline's own state: FIS never reports it.
     */
    QUEUED("queued"),
    /** Accepted, not yet resolving targets. */
    PENDING("pending"),
    /** Resolving targets. */
    INITIATING("initiating"),
    /** Actions are running. */
    RUNNING("running"),
    /** Every action finished. Terminal. */
    COMPLETED("completed"),
    /** A stop was requested or a stop condition fired; post-actions are finishing. */
    STOPPING("stopping"),
    /** Stopped by a request, a stop condition or the safety lever. Terminal. */
    STOPPED("stopped"),
    /** An action failed or target resolution found nothing. Terminal. */
    FAILED("failed"),
    /** Never run, for example because the safety lever was engaged. Terminal. */
    CANCELLED("cancelled");

    private final String wireName;

    RunState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name FIS uses ({@code queued} for Faultline's own {@link #QUEUED}).
     *
     * @return for example {@code running}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Tells whether the run is over.
     *
     * @return true for completed, stopped, failed and cancelled
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == STOPPED || this == FAILED || this == CANCELLED;
    }

    /**
     * The states this one may move to.
     *
     * @return the legal next states (empty for a terminal state)
     */
    public Set<RunState> next() {
        switch (this) {
            case QUEUED:
                return EnumSet.of(PENDING, CANCELLED);
            case PENDING:
                return EnumSet.complementOf(EnumSet.of(QUEUED, PENDING));
            case INITIATING:
                return EnumSet.complementOf(EnumSet.of(QUEUED, PENDING, INITIATING));
            case RUNNING:
                return EnumSet.of(STOPPING, COMPLETED, STOPPED, FAILED);
            case STOPPING:
                return EnumSet.of(STOPPED, COMPLETED, FAILED);
            default:
                return EnumSet.noneOf(RunState.class);
        }
    }

    /**
     * Tells whether a move from this state to another is legal.
     *
     * @param target the next state
     * @return true if the transition is in the table
     */
    public boolean canMoveTo(RunState target) {
        return next().contains(target);
    }

    /**
     * Finds the state for a FIS status (or Faultline's {@code queued}).
     *
     * @param wireName the status, for example {@code running}
     * @return the state
     * @throws IllegalArgumentException when the name is not a FIS experiment status
     */
    public static RunState fromWireName(String wireName) {
        for (RunState value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Not a FIS experiment status: " + wireName
                + " (expected one of queued, pending, initiating, running, completed, stopping, stopped, failed, cancelled)");
    }

    @Override
    public String toString() {
        return wireName;
    }
}
