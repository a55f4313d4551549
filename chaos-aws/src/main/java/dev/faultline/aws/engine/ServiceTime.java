package dev.faultline.aws.engine;

import dev.faultline.core.engine.ActionOutcome;
import java.time.Duration;
import java.time.Instant;

/**
 * One clock for a run's events and report: the service's timestamps where its answers give them
 * (an experiment's start and end, each action's), and otherwise the engine's clock moved forward by
 * the least offset that keeps it from running behind any timestamp the service has shown. When
 * the engine and the service share a clock, the offset stays zero; when the service's clock is
 * ahead (LocalFis on a faster clock, a skewed host), events no longer land minutes before the
 * actions they describe.
 */
final class ServiceTime {

    private Duration skew = Duration.ZERO;
    private Instant last = Instant.MIN;

    /**
     * Learns from an answer: the newest timestamp in it is at most the service's time now.
     *
     * @param snapshot the answer
     * @param engineNow the engine's time when it arrived
     */
    synchronized void learn(Snapshot snapshot, Instant engineNow) {
        Instant newest = newest(snapshot);
        if (newest != null) {
            Duration behind = Duration.between(engineNow, newest);
            if (behind.compareTo(skew) > 0) {
                skew = behind;
            }
        }
    }

    /**
     * The time of an event that the service gives no timestamp for.
     *
     * @param engineNow the engine's time
     * @return the engine's time on the service's clock
     */
    synchronized Instant at(Instant engineNow) {
        return monotone(engineNow.plus(skew));
    }

    /**
     * The engine's time on the service's clock, not yet stamped on an event.
     *
     * @param engineNow the engine's time
     * @return the engine's time moved by the offset
     */
    synchronized Instant onServiceClock(Instant engineNow) {
        return engineNow.plus(skew);
    }

    /**
     * A time for the next event, never before the previous one: a change the service stamped
     * earlier than an event already published (seen late, after a stop request) takes that
     * event's time, so the events stay in order.
     *
     * @param time the time wanted
     * @return the time to stamp
     */
    synchronized Instant monotone(Instant time) {
        if (time.isBefore(last)) {
            return last;
        }
        last = time;
        return time;
    }

    private static Instant newest(Snapshot s) {
        Instant n = later(later(later(null, s.creationTime()), s.startTime()), s.endTime());
        for (ActionOutcome a : s.actions().values()) {
            n = later(later(n, a.startTime().orElse(null)), a.endTime().orElse(null));
        }
        return n;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || b.isBefore(a) ? a : b;
    }
}
