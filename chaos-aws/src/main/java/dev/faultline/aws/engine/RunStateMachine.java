package dev.faultline.aws.engine;

import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one run and of its actions. The run's state moves only along
 * {@link RunState#canMoveTo the table of legal transitions}, by compare-and-set; an illegal
 * transition is logged at WARN and ignored, and so is an action leaving a terminal state.
 * Every change is published as an event.
 */
final class RunStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(RunStateMachine.class);

    private java.util.function.UnaryOperator<Instant> stamp = java.util.function.UnaryOperator.identity();
    private final String experimentId;
    private final EventLog events;
    private final AtomicReference<RunState> state = new AtomicReference<>(RunState.PENDING);
    private final Map<String, ActionOutcome> actions = new LinkedHashMap<>();

    /**
     * Creates a machine in {@link RunState#PENDING}.
     *
     * @param experimentId the experiment id, for events and logs
     * @param events where changes are published
     */
    RunStateMachine(String experimentId, EventLog events) {
        this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * The current state.
     *
     * @return the state
     */
    RunState state() {
        return state.get();
    }

    /**
     * Passes every event time through this function (the run's {@link ServiceTime}, which keeps
     * them in order).
     *
     * @param value the function
     */
    void stampWith(java.util.function.UnaryOperator<Instant> value) {
        this.stamp = Objects.requireNonNull(value, "stamp");
    }

    /**
     * Applies what the service answered: the run's state first when it is still going, the
     * actions first when it is stopping or over (so the events read in the order things
     * happened).
     *
     * Events are stamped with the service's times where the answer gives them, else {@code now}.
     *
     * @param snapshot the answer
     * @param now the time of the answer on the run's clock ({@link ServiceTime})
     */
    void apply(Snapshot snapshot, Instant now) {
        Instant at = serviceTime(snapshot.state(), snapshot.startTime(), snapshot.endTime(), now);
        if (snapshot.state().isTerminal() || snapshot.state() == RunState.STOPPING) {
            applyActions(snapshot.actions().values(), now);
            transition(snapshot.state(), snapshot.reason(), at);
        } else {
            transition(snapshot.state(), snapshot.reason(), at);
            applyActions(snapshot.actions().values(), now);
        }
    }

    /** The service's time of a move to {@code to}, where it gives one (start for running, end when over), else {@code now}. */
    private static Instant serviceTime(RunState to, Instant start, Instant end, Instant now) {
        Instant given = to == RunState.RUNNING ? start : to.isTerminal() ? end : null;
        return given == null ? now : given;
    }

    private void applyActions(Collection<ActionOutcome> seen, Instant now) {
        for (ActionOutcome a : seen) {
            ActionState before;
            synchronized (actions) {
                ActionOutcome previous = actions.get(a.name());
                before = previous == null ? ActionState.PENDING : previous.state();
                if (before.isTerminal() && before != a.state()) {
                    LOG.warn("Ignored an illegal action transition experimentId={} action={} from={} to={}",
                            experimentId, a.name(), before, a.state());
                    continue;
                }
                actions.put(a.name(), a);
            }
            if (before != a.state()) {
                LOG.debug("action transition experimentId={} action={} from={} to={}", experimentId, a.name(),
                        before, a.state());
                Instant at = a.state() == ActionState.RUNNING ? a.startTime().orElse(now)
                        : a.state().isTerminal() ? a.endTime().orElse(now) : now;
                events.publish(new RunEvent.ActionStateChanged(experimentId, stamp.apply(at), a.name(), before,
                        a.state(),
                        a.reason().orElse("")));
            }
        }
    }

    /**
     * Moves the run to another state, if the table allows it.
     *
     * @param to the new state
     * @param reason the service's reason
     * @param now the engine clock's time
     * @return true if the state changed (and the event was published)
     */
    boolean transition(RunState to, String reason, Instant now) {
        while (true) {
            RunState from = state.get();
            if (from == to) {
                return false;
            }
            if (!from.canMoveTo(to)) {
                LOG.warn("Ignored an illegal transition experimentId={} from={} to={}", experimentId, from, to);
                return false;
            }
            if (state.compareAndSet(from, to)) {
                LOG.debug("transition experimentId={} from={} to={} reason={}", experimentId, from, to, reason);
                events.publish(new RunEvent.StateChanged(experimentId, stamp.apply(now), from, to, reason));
                return true;
            }
        }
    }

    /**
     * The last state seen of each action, in the given order first, then any others.
     *
     * @param order the action names in template order
     * @return the actions
     */
    List<ActionOutcome> actions(Collection<String> order) {
        List<ActionOutcome> out = new ArrayList<>();
        synchronized (actions) {
            Map<String, ActionOutcome> rest = new LinkedHashMap<>(actions);
            for (String name : order) {
                ActionOutcome a = rest.remove(name);
                if (a != null) {
                    out.add(a);
                }
            }
            out.addAll(rest.values());
        }
        return out;
    }

    /**
     * The outcome of the run whose states this machine followed.
     *
     * @param spec what the run is
     * @param last the service's last answer
     * @param stop the stop request that ended it, or null
     * @param verdict the hypothesis verdict, or null
     * @param events every event of the run
     * @return the outcome
     */
    RunOutcome outcome(RunSpec spec, Snapshot last, StopRequest stop, HypothesisVerdict verdict, List<RunEvent> events) {
        return RunOutcome.builder()
                .experimentId(spec.experimentId())
                .templateId(Optional.ofNullable(spec.templateId()))
                .state(state())
                .reason(Optional.ofNullable(last.reason()).filter(r -> !r.isEmpty()))
                .errorCode(Optional.ofNullable(last.errorCode()))
                .errorLocation(Optional.ofNullable(last.errorLocation()))
                .startTime(Optional.ofNullable(last.startTime()))
                .endTime(Optional.ofNullable(last.endTime()))
                .actions(actions(spec.experiment().actions().keySet()))
                .stopSource(Optional.ofNullable(stop).map(StopRequest::source))
                .stopReason(Optional.ofNullable(stop).map(StopRequest::reason))
                .verdict(Optional.ofNullable(verdict))
                .events(events)
                .build();
    }
}
