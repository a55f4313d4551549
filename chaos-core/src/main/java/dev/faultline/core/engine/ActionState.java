package dev.faultline.core.engine;

/** The state of one action of a run, as FIS names it ({@code ExperimentActionState.status}). */
public enum ActionState {
    /** Waiting for its start (or for the actions it starts after). */
    PENDING("pending"),
    /** Starting. */
    INITIATING("initiating"),
    /** Acting on its targets. */
    RUNNING("running"),
    /** Finished; an action with a duration completes when the duration has passed. Terminal. */
    COMPLETED("completed"),
    /** Never started because the experiment ended first. Terminal. */
    CANCELLED("cancelled"),
    /** Being stopped. */
    STOPPING("stopping"),
    /** Stopped. Terminal. */
    STOPPED("stopped"),
    /** Failed. Terminal. */
    FAILED("failed"),
    /** Skipped: no targets resolved under {@code skip}, or {@code actionsMode} {@code skip-all}. Terminal. */
    SKIPPED("skipped");

    private final String wireName;

    ActionState(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name FIS uses.
     *
     * @return for example {@code running}
     */
    public String wireName() {
        return wireName;
    }

    /**
     * Tells whether the action is over.
     *
     * @return true for completed, cancelled, stopped, failed and skipped
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == STOPPED || this == FAILED || this == SKIPPED;
    }

    /**
     * Finds the state for a FIS status.
     *
     * @param wireName the status, for example {@code running}
     * @return the state
     * @throws IllegalArgumentException when the name is not a FIS action status
     */
    public static ActionState fromWireName(String wireName) {
        for (ActionState value : values()) {
            if (value.wireName.equals(wireName)) {
                return value;
            }
        }
        throw new IllegalArgumentException("Not a FIS action status: " + wireName);
    }

    @Override
    public String toString() {
        return wireName;
    }
}
