package dev.faultline.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves LocalFis's simulation along its clock: on every advance of a {@link ManualClock}, or
 * every period on a daemon thread for any other clock. A failing step is logged and the next
 * one still runs.
 */
final class ClockTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("dev.faultline.testkit.LocalFis");

    private final Clock clock;
    private final Runnable tick;
    private final ScheduledExecutorService thread;

    private ClockTicker(Clock clock, Runnable tick, ScheduledExecutorService thread) {
        this.clock = clock;
        this.tick = tick;
        this.thread = thread;
    }

    /**
     * Starts stepping the simulation.
     *
     * @param clock the simulation's clock
     * @param tick one step of the simulation
     * @param period how often a clock that is not a {@link ManualClock} is looked at
     * @return the running ticker; {@link #close()} stops it
     */
    public static ClockTicker start(Clock clock, Runnable tick, Duration period) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(period, "period");
        if (clock instanceof ManualClock) {
            ((ManualClock) clock).onAdvance(tick);
            return new ClockTicker(clock, tick, null);
        }
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "localfis-clock");
            t.setDaemon(true);
            return t;
        });
        Runnable safe = () -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("LocalFis clock step failed", e);
            }
        };
        long millis = period.toMillis();
        thread.scheduleAtFixedRate(safe, millis, millis, TimeUnit.MILLISECONDS);
        return new ClockTicker(clock, tick, thread);
    }

    /** Stops stepping: shuts the thread down, or leaves the manual clock's listeners. */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
        if (clock instanceof ManualClock) {
            ((ManualClock) clock).removeListener(tick);
        }
    }
}
