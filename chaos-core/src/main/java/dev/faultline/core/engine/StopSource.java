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
    HYPOTHESIS
}
