package dev.faultline.temporal;

/** Where an {@link ExperimentWorkflow} is in its life, as its status query reports it. */
public enum RunPhase {
    /** Validation and the preflight checks. */
    PREFLIGHT,
    /** Creating the template and starting the experiment. */
    STARTING,
    /** The experiment runs and is watched. */
    RUNNING,
    /** A stop was sent; waiting for the stopped state. */
    STOPPING,
    /** Writing the report and the journal entry. */
    RECORDING,
    /** The run has ended; its result is final. */
    FINISHED
}
