package dev.faultline.temporal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A campaign: every experiment on every target (account, Region and role), under a cap of active
 * runs per target (FIS allows 5 active experiments per account and Region) and a global cap, in
 * an order, stopping early on what {@link #stopOn()} names.
 *
 * <pre>{@code
 * CampaignRequest campaign = new CampaignRequest("game-day", List.of(RunRequest.of(nodeLoss)),
 *         List.of(RunTarget.of("111122223333", "us-east-1", roleA), RunTarget.of("444455556666", "us-east-1", roleB)),
 *         5, 20, CampaignOrdering.PARALLEL, Set.of(CampaignStop.REFUTED));
 * }</pre>
 *
 * @param name the campaign's name
 * @param experiments the experiments (their own targets are replaced by each of {@link #targets()})
 * @param targets where each experiment runs; empty for the worker's default target
 * @param perTargetLimit the most runs active at once per account and Region (1 to 5; 0 for 5)
 * @param globalLimit the most runs active at once in all (0 for no cap beyond the per-target one)
 * @param ordering the order
 * @param stopOn what ends the campaign early; empty to run everything whatever happens
 */
public record CampaignRequest(String name, List<RunRequest> experiments, List<RunTarget> targets,
        int perTargetLimit, int globalLimit, CampaignOrdering ordering, Set<CampaignStop> stopOn) {

    /** FIS's quota of active experiments per account and Region. */
    public static final int FIS_ACTIVE_QUOTA = 5;

    /**
     * Checks the limits and fills the defaults.
     *
     * @param name the name
     * @param experiments the experiments
     * @param targets the targets
     * @param perTargetLimit the per-target cap
     * @param globalLimit the global cap
     * @param ordering the ordering
     * @param stopOn the stop policy
     */
    public CampaignRequest {
        name = name == null || name.isBlank() ? "campaign" : name;
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        if (experiments.isEmpty()) {
            throw new IllegalArgumentException("A campaign needs at least one experiment");
        }
        targets = targets == null || targets.isEmpty() ? List.of(RunTarget.defaultTarget()) : List.copyOf(targets);
        if (perTargetLimit == 0) {
            perTargetLimit = FIS_ACTIVE_QUOTA;
        }
        if (perTargetLimit < 1 || perTargetLimit > FIS_ACTIVE_QUOTA) {
            throw new IllegalArgumentException("perTargetLimit must be 1 to " + FIS_ACTIVE_QUOTA
                    + " (FIS's quota of active experiments per account and Region), not " + perTargetLimit);
        }
        if (globalLimit < 0) {
            throw new IllegalArgumentException("globalLimit must be 0 (no global cap) or more, not " + globalLimit);
        }
        ordering = ordering == null ? CampaignOrdering.PARALLEL : ordering;
        stopOn = stopOn == null ? Set.of() : Set.copyOf(stopOn);
    }

    /**
     * Every run of the campaign, experiment by experiment, each on every target, named
     * {@code experiment@account/region}.
     *
     * @return the runs in order
     */
    public List<RunRequest> runs() {
        List<RunRequest> runs = new ArrayList<>();
        for (RunRequest e : experiments) {
            for (RunTarget t : targets) {
                runs.add(e.withTarget(t).withName(e.name() + "@" + t.key()));
            }
        }
        return runs;
    }
}
