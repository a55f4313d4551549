package dev.faultline.core.engine;

/** What a run says about its steady-state hypothesis. */
public enum Verdict {
    /** Every condition was read in every phase it names, and none was breached. */
    HELD,
    /** At least one condition was breached. */
    REFUTED,
    /** Nothing was breached, but some reading had no data or was never taken. */
    INCONCLUSIVE
}
