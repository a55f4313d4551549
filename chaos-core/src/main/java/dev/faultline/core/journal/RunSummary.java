package dev.faultline.core.journal;

import dev.faultline.core.engine.RunState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a run listing: who ran what, where, when, and how it ended.
 *
 * @param runId the journal's id of the run
 * @param experiment the experiment's name, empty when it has none
 * @param experimentId the service's experiment id
 * @param account the AWS account, empty when unknown
 * @param region the AWS Region, empty when unknown
 * @param state the last state seen
 * @param verdict the hypothesis verdict ({@code HELD}, {@code REFUTED}, {@code INCONCLUSIVE}),
 *     empty when the run has none (yet)
 * @param startedAt when the run began
 * @param endedAtOrNull when it ended, or null while it has not
 * @param actor who started it
 * @param finished true once the run's outcome is journaled
 */
public record RunSummary(String runId, String experiment, String experimentId, String account, String region,
        RunState state, String verdict, Instant startedAt, Instant endedAtOrNull, String actor, boolean finished) {

    /**
     * Checks the components.
     *
     * @param runId the run id
     * @param experiment the name
     * @param experimentId the experiment id
     * @param account the account
     * @param region the Region
     * @param state the state
     * @param verdict the verdict
     * @param startedAt the start
     * @param endedAtOrNull the end or null
     * @param actor the actor
     * @param finished whether finished
     */
    public RunSummary {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(actor, "actor");
    }

    /**
     * When the run ended.
     *
     * @return the end, empty while the run has not ended
     */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAtOrNull);
    }
}
