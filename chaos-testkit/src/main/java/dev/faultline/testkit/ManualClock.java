package dev.faultline.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told to, for tests: LocalFis runs experiments up to the
 * clock's time each time it is advanced.
 *
 * <pre>{@code
 * ManualClock clock = Clocks.manual();
 * LocalFis fis = LocalFis.builder().clock(clock).start();
 * clock.advance(Duration.ofMinutes(5));   // actions due in these five minutes run now
 * }</pre>
 */
public final class ManualClock extends Clock {

    private final List<Runnable> listeners;
    private final ZoneId zone;
    private volatile Instant now;

    ManualClock(Instant start) {
        this(start, ZoneOffset.UTC, new CopyOnWriteArrayList<>());
    }

    private ManualClock(Instant start, ZoneId zone, List<Runnable> listeners) {
        this.now = Objects.requireNonNull(start, "start");
        this.zone = zone;
        this.listeners = listeners;
    }

    /**
     * Moves the clock forward and lets listeners (a running LocalFis) catch up.
     *
     * @param amount how far; not negative
     * @return this clock
     */
    public ManualClock advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("A clock cannot go back: " + amount);
        }
        synchronized (this) {
            now = now.plus(amount);
        }
        listeners.forEach(Runnable::run);
        return this;
    }

    /**
     * Registers code to run after every {@link #advance(Duration)}.
     *
     * @param listener the code
     */
    public void onAdvance(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener registered with {@link #onAdvance(Runnable)}.
     *
     * @param listener the code
     */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        ManualClock c = new ManualClock(now, newZone, listeners);
        return c;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public String toString() {
        return "ManualClock[" + now + "]";
    }
}
