package dev.faultline.core.engine;

/** Who asked for a run to stop. */
public enum StopSource {
    /** The caller, through {@link ExperimentRun#stop(String)}. */
    CALLER,
    /** The engine's watchdog: the run outlived its planned duration plus the margin. */
    WATCHDOG,
    /** The JVM is shutting down and the engine stops what it started. */
    SHUTDOWN,
    /** A steady-state condition was breached during the run. */
    HYPOTHESIS,
    /**
     * The account's FIS safety lever was engaged while the run was going: FIS stopped the
     * experiment, and the engine found the lever engaged when the run ended.
     */
    SAFETY_LEVER
}
