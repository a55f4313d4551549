package dev.faultline.temporal;

/** What ends a {@link CampaignWorkflow} early: the runs in flight are stopped, the rest skipped. */
public enum CampaignStop {
    /** A run's hypothesis was refuted. */
    REFUTED,
    /** A run was refused by its checks (validation, policy, preflight). */
    REFUSED,
    /** A run failed (the experiment failed, or a step failed for good). */
    FAILED
}
