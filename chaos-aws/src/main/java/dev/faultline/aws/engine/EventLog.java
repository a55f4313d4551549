package dev.faultline.aws.engine;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one run and the listeners that receive them. Every listener gets every event
 * in order, one at a time over all listeners; a listener added late first gets the history.
 * When {@link #publish} returns, the event has been delivered to every listener registered
 * before it (unless the publishing thread is itself inside a listener: then the outer delivery
 * loop delivers it right after). A listener that throws is logged at WARN and keeps receiving
 * events.
 */
final class EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final String experimentId;
    private final List<RunEvent> history = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final ReentrantLock delivery = new ReentrantLock();

    /**
     * Creates an empty log.
     *
     * @param experimentId the run's experiment id, for logs
     */
    EventLog(String experimentId) {
        this.experimentId = Objects.requireNonNull(experimentId, "experimentId");
    }

    /**
     * Appends an event and delivers it.
     *
     * @param event the event
     */
    void publish(RunEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (this) {
            history.add(event);
        }
        deliver();
    }

    /**
     * Adds a listener; it first receives the history.
     *
     * @param listener the listener
     */
    void subscribe(RunListener listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (this) {
            subscribers.add(new Subscriber(listener));
        }
        deliver();
    }

    /**
     * The events so far.
     *
     * @return a snapshot, oldest first
     */
    synchronized List<RunEvent> events() {
        return List.copyOf(history);
    }

    private void deliver() {
        if (delivery.isHeldByCurrentThread()) {
            return; // a listener published or subscribed: the loop below picks it up
        }
        delivery.lock();
        try {
            while (true) {
                Subscriber target = null;
                RunEvent event = null;
                synchronized (this) {
                    for (Subscriber s : subscribers) {
                        if (s.next < history.size()) {
                            target = s;
                            event = history.get(s.next++);
                            break;
                        }
                    }
                }
                if (target == null) {
                    return;
                }
                target.receive(event);
            }
        } finally {
            delivery.unlock();
        }
    }

    /** One listener and how far it has read the history. */
    private final class Subscriber {
        private final RunListener listener;
        private int next;

        Subscriber(RunListener listener) {
            this.listener = listener;
        }

        void receive(RunEvent event) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                if (e instanceof VirtualMachineError) {
                    throw (VirtualMachineError) e;
                }
                LOG.warn("A run listener failed; it keeps receiving events experimentId={} event={}",
                        experimentId, event.getClass().getSimpleName(), e);
            }
        }
    }
}
