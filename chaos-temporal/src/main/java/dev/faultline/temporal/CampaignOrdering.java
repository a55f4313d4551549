package dev.faultline.temporal;

/** In which order a {@link CampaignWorkflow} starts its runs (always within its caps). */
public enum CampaignOrdering {
    /** Every run as soon as the caps allow. */
    PARALLEL,
    /** One wave per experiment, across all targets; a wave starts when the one before it has ended. */
    WAVES,
    /** One run at a time, in order. */
    SEQUENTIAL
}
