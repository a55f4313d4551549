package dev.faultline.cli;

import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.ReceivedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Moves a manual clock (shared by LocalFis and the engine) by one step for every request LocalFis receives, as
 * long as a condition on the requests received so far holds. Simulated time passes with the engine's own calls,
 * never with the wall clock: every poll sees the time a fixed number of steps after the one before, so a loaded
 * machine runs the same simulation as a quiet one, only more slowly. A wait that needs the clock to move while
 * the engine sends nothing would not end; the test's own timeout bounds it.
 */
final class ClockDriver implements AutoCloseable {

    private final ManualClock clock;
    private final LocalFis fis;
    private final Duration step;
    private final Predicate<List<ReceivedRequest>> whileTrue;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Throwable failure;

    private ClockDriver(ManualClock clock, LocalFis fis, Duration step, Predicate<List<ReceivedRequest>> whileTrue) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fis = Objects.requireNonNull(fis, "fis");
        this.step = Objects.requireNonNull(step, "step");
        this.whileTrue = Objects.requireNonNull(whileTrue, "whileTrue");
        this.thread = new Thread(this::drive, "clock-driver");
        this.thread.setDaemon(true);
    }

    /** Starts moving the clock one step per request, for as long as the driver is open. */
    static ClockDriver stepPerRequest(ManualClock clock, LocalFis fis, Duration step) {
        return stepPerRequest(clock, fis, step, requests -> true);
    }

    /** Starts moving the clock one step per request while the requests received so far satisfy a condition. */
    static ClockDriver stepPerRequest(ManualClock clock, LocalFis fis, Duration step,
            Predicate<List<ReceivedRequest>> whileTrue) {
        ClockDriver driver = new ClockDriver(clock, fis, step, whileTrue);
        driver.thread.start();
        return driver;
    }

    /** Whether a request is a FIS {@code StartExperiment} ({@code POST /experiments}). */
    static boolean isStartExperiment(ReceivedRequest r) {
        return r.method().equals("POST") && r.path().equals("/experiments");
    }

    private void drive() {
        int seen = 0;
        try {
            while (!closed) {
                List<ReceivedRequest> received = fis.received();
                if (received.size() > seen && whileTrue.test(received)) {
                    clock.advance(step.multipliedBy(received.size() - seen));
                    seen = received.size();
                } else {
                    Thread.sleep(1);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Stops the driver (waiting up to 10 s for its thread), failing if it failed. */
    @Override
    public void close() {
        closed = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while stopping the clock driver", e);
        }
        if (thread.isAlive()) {
            throw new AssertionError("the clock driver did not stop within 10 s");
        }
        if (failure != null) {
            throw new AssertionError("the clock driver failed", failure);
        }
    }
}
