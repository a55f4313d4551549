package dev.faultline.temporal;

import java.util.List;

/**
 * How a campaign went: every run with its state and verdict (runs never started are
 * {@code SKIPPED}), and why it stopped early, if it did.
 *
 * @param name the campaign's name
 * @param runs every run, in the campaign's order
 * @param stoppedBecause why the campaign stopped early, or empty
 */
public record CampaignResult(String name, List<RunResult> runs, String stoppedBecause) {

    /** The state of a run the campaign never started. */
    public static final String SKIPPED = "SKIPPED";
    /** The state of a run not finished yet (in a status query). */
    public static final String PENDING = "PENDING";

    /**
     * Normalises absent parts.
     *
     * @param name the name
     * @param runs the runs
     * @param stoppedBecause the reason
     */
    public CampaignResult {
        name = name == null ? "" : name;
        runs = runs == null ? List.of() : List.copyOf(runs);
        stoppedBecause = stoppedBecause == null ? "" : stoppedBecause;
    }

    /**
     * Counts the runs in a state.
     *
     * @param state for example {@code COMPLETED} or {@link #SKIPPED}
     * @return how many
     */
    public long count(String state) {
        return runs.stream().filter(r -> r.state().equals(state)).count();
    }

    /**
     * Tells whether every run succeeded (completed, hypothesis not refuted).
     *
     * @return true when all did
     */
    public boolean succeeded() {
        return stoppedBecause.isEmpty() && runs.stream().allMatch(RunResult::succeeded);
    }
}
