package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.model.Arn;
import dev.faultline.core.model.Experiment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * Admission under FIS's quota of active experiments: per account and Region, at most
 * {@link EngineConfig#maxActivePerAccount()} of this engine's runs hold a slot at once (from
 * admission, through the preflight and its target preview, to the run's end); the others wait,
 * first in first out. A start whose run has a timeout leaves the queue, cancelled, when the
 * timeout runs out on the engine's clock before it was admitted.
 */
final class AccountGate {

    private static final Logger LOG = LoggerFactory.getLogger(AccountGate.class);

    private final EngineContext context;
    private final Map<String, Lane> lanes = new HashMap<>();

    /**
     * Creates the gate.
     *
     * @param context the engine's shared parts
     */
    AccountGate(EngineContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The runs of one account and Region: how many hold a slot, and who waits. */
    private static final class Lane {
        int active;
        final Deque<Slot> waiting = new ArrayDeque<>();
    }

    /** One start's place: queued, then holding a slot until {@link #release()}. */
    final class Slot {
        final QueuedStart start;
        private final AtomicBoolean released = new AtomicBoolean();
        private volatile boolean waited;

        private Slot(QueuedStart start) {
            this.start = start;
        }

        /** Gives the slot back (once; later calls do nothing), admitting the next waiting start. */
        void release() {
            if (released.compareAndSet(false, true)) {
                freed(start.account());
            }
        }

        /**
         * Whether the start had to wait in the queue.
         *
         * @return true when it was queued behind others
         */
        boolean waited() {
            return waited;
        }
    }

    /**
     * The account and Region key of an experiment: the role ARN's account and the FIS client's
     * Region.
     *
     * @param experiment the experiment
     * @return {@code ACCOUNT/REGION}; {@code unknown} for a part that cannot be told
     */
    String accountOf(Experiment experiment) {
        String account = experiment.roleArn().flatMap(Arn::parse).map(Arn::account)
                .filter(a -> !a.isEmpty()).orElse("unknown");
        Region region = context.fis.serviceClientConfiguration().region();
        return account + "/" + (region == null ? "unknown" : region.id());
    }

    /**
     * Joins the account's queue, or takes a slot at once when one is free and nobody waits.
     *
     * @param experiment the experiment
     * @param options the run's options: a timeout bounds the wait
     * @return the slot; its start's {@link QueuedStart#admitted()} completes on admission
     */
    Slot enter(Experiment experiment, RunOptions options) {
        String account = accountOf(experiment);
        Instant now = context.clock.instant();
        Slot slot;
        boolean admitted;
        synchronized (this) {
            Lane lane = lanes.computeIfAbsent(account, k -> new Lane());
            slot = new Slot(new QueuedStart(experiment, account, now, lane.active + lane.waiting.size()));
            admitted = lane.waiting.isEmpty() && lane.active < context.config.maxActivePerAccount();
            if (admitted) {
                lane.active++;
            } else {
                lane.waiting.addLast(slot);
                slot.waited = true;
            }
        }
        if (admitted) {
            slot.start.admit(now);
            return slot;
        }
        LOG.debug("start queued account={} ahead={}", account, slot.start.ahead());
        slot.start.admitted().whenComplete((at, error) -> {
            if (error != null) {
                leave(slot);
            }
        });
        options.timeout().ifPresent(timeout -> expire(slot, timeout));
        return slot;
    }

    private void expire(Slot slot, Duration timeout) {
        ClockWait.until(context, slot.start.queuedAt().plus(timeout),
                () -> slot.start.state() != dev.faultline.core.engine.RunState.QUEUED)
                .thenRun(() -> slot.start.cancel("The run's timeout of " + timeout + " ran out while it waited in the"
                        + " queue of " + slot.start.account() + " for a slot under the active-experiment quota ("
                        + context.config.maxActivePerAccount() + " at once)"));
    }

    /** A cancelled start leaves its lane. */
    private synchronized void leave(Slot slot) {
        Lane lane = lanes.get(slot.start.account());
        if (lane != null) {
            lane.waiting.remove(slot);
        }
    }

    private void freed(String account) {
        Slot next;
        Instant now = context.clock.instant();
        while (true) {
            synchronized (this) {
                Lane lane = lanes.get(account);
                if (lane == null) {
                    return;
                }
                lane.active--;
                next = lane.waiting.pollFirst();
                if (next == null) {
                    if (lane.active <= 0) {
                        lanes.remove(account);
                    }
                    return;
                }
                lane.active++;
            }
            if (next.start.admit(now)) {
                LOG.debug("start admitted account={} queuedAt={}", account, next.start.queuedAt());
                return;
            }
            // cancelled between the poll and the admission: its slot goes to the next in line
        }
    }

    /**
     * The starts waiting, oldest first.
     *
     * @return a snapshot
     */
    synchronized List<QueuedStart> queued() {
        List<QueuedStart> out = new ArrayList<>();
        for (Lane lane : lanes.values()) {
            for (Slot s : lane.waiting) {
                out.add(s.start);
            }
        }
        out.sort((a, b) -> a.queuedAt().compareTo(b.queuedAt()));
        return out;
    }

    /**
     * Cancels every waiting start.
     *
     * @param reason why
     */
    void cancelAll(String reason) {
        for (QueuedStart q : queued()) {
            q.cancel(reason);
        }
    }
}
