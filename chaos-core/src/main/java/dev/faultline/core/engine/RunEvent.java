package dev.faultline.core.engine;

import dev.faultline.core.model.CheckPhase;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something that happened to a run. Events come in the order they happened; every one names
 * the experiment and the time (from the engine's clock) it was seen.
 */
public sealed interface RunEvent {

    /**
     * The experiment the event belongs to.
     *
     * @return the experiment id
     */
    String experimentId();

    /**
     * When the engine saw it.
     *
     * @return the time
     */
    Instant time();

    /**
     * The start had to wait for a slot under the account's quota of active experiments (FIS
     * allows 5 per account and Region). A run that waited has this as its first event, with the
     * time it joined the queue, followed by {@code StateChanged(queued → pending)} when it was
     * admitted; the experiment id is the one the run got once started.
     *
     * @param experimentId the experiment id
     * @param time when the run joined the queue
     * @param account the account and Region whose quota it waited for, as {@code ACCOUNT/REGION}
     * @param ahead how many starts were queued or active before it when it joined
     */
    record RunQueued(String experimentId, Instant time, String account, int ahead) implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param account the account and Region
         * @param ahead how many were ahead
         */
        public RunQueued {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(account, "account");
            if (ahead < 0) {
                throw new IllegalArgumentException("ahead must not be negative, was " + ahead);
            }
        }
    }

    /**
     * The experiment was started (or, for an attached run, found).
     *
     * @param experimentId the experiment id
     * @param time when
     * @param templateId the template it was started from, empty when unknown
     * @param attached true when the engine attached to a run it did not start
     */
    record RunStarted(String experimentId, Instant time, String templateId, boolean attached)
            implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param templateId the template id
         * @param attached the attached
         */
        public RunStarted {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(templateId, "templateId");
        }
    }

    /**
     * The experiment moved to another state.
     *
     * @param experimentId the experiment id
     * @param time when it was seen
     * @param from the state before
     * @param to the state now
     * @param reason the service's reason, empty when it gave none
     */
    record StateChanged(String experimentId, Instant time, RunState from, RunState to, String reason)
            implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param from the from
         * @param to the to
         * @param reason the reason
         */
        public StateChanged {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * One action moved to another state.
     *
     * @param experimentId the experiment id
     * @param time when it was seen
     * @param actionName the action's name in the template
     * @param from the state before ({@link ActionState#PENDING} the first time it is seen)
     * @param to the state now
     * @param reason the service's reason, empty when it gave none
     */
    record ActionStateChanged(String experimentId, Instant time, String actionName, ActionState from,
            ActionState to, String reason) implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param actionName the actionName
         * @param from the from
         * @param to the to
         * @param reason the reason
         */
        public ActionStateChanged {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(actionName, "actionName");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A stop was asked of the service.
     *
     * @param experimentId the experiment id
     * @param time when
     * @param source who asked
     * @param reason why
     */
    record StopRequested(String experimentId, Instant time, StopSource source, String reason)
            implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param source the source
         * @param reason the reason
         */
        public StopRequested {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The steady-state conditions of a phase were read.
     *
     * @param experimentId the experiment id
     * @param time when
     * @param phase before, during or after
     * @param evidence one reading per condition checked
     */
    record HypothesisChecked(String experimentId, Instant time, CheckPhase phase, List<Evidence> evidence)
            implements RunEvent {
        /**
         * Checks the components and copies the list.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param phase the phase
         * @param evidence the evidence
         */
        public HypothesisChecked {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(phase, "phase");
            evidence = List.copyOf(evidence);
        }

        /**
         * Tells whether every condition read held.
         *
         * @return false if any reading breached its threshold
         */
        public boolean held() {
            for (Evidence e : evidence) {
                if (e.breached()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The run is over and its outcome known, whatever the final state.
     *
     * @param experimentId the experiment id
     * @param time when
     * @param outcome the outcome
     */
    record RunCompleted(String experimentId, Instant time, RunOutcome outcome) implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param outcome the outcome
         */
        public RunCompleted {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * The engine could not follow the run to its end (for example the service kept failing);
     * the experiment may still be running in the service.
     *
     * @param experimentId the experiment id
     * @param time when
     * @param error what went wrong
     */
    record RunFailed(String experimentId, Instant time, Throwable error) implements RunEvent {
        /**
         * Checks the components.
         *
         * @param experimentId the experiment id
         * @param time the time
         * @param error the error
         */
        public RunFailed {
            Objects.requireNonNull(experimentId, "experimentId");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(error, "error");
        }
    }
}
