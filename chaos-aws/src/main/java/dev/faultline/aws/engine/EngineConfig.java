package dev.faultline.aws.engine;

import java.time.Duration;
import org.immutables.value.Value;

/**
 * How a {@link FisEngine} polls, paces and retries its calls, guards its runs and cleans up.
 * Every value has a default suited to real FIS; tests shorten the intervals.
 *
 * <pre>{@code
 * EngineConfig config = EngineConfig.builder()
 *         .pollInterval(Duration.ofSeconds(2))
 *         .maxCallsPerSecond(5)
 *         .templateCleanup(TemplateCleanup.ON_SUCCESS)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class EngineConfig {

    private static final EngineConfig DEFAULTS = builder().build();

    /**
     * The default configuration.
     *
     * @return the defaults
     */
    public static EngineConfig defaults() {
        return DEFAULTS;
    }

    /**
     * Creates a builder.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How often a run is polled while nothing is expected to change.
     *
     * @return the interval; 5 s by default
     */
    @Value.Default
    public Duration pollInterval() {
        return Duration.ofSeconds(5);
    }

    /**
     * How often a run is polled close to a transition the plan predicts (the start, an
     * action's end) or while it is stopping.
     *
     * @return the interval; 1 s by default
     */
    @Value.Default
    public Duration fastPollInterval() {
        return Duration.ofSeconds(1);
    }

    /**
     * How close to a predicted transition polling switches to the fast interval.
     *
     * @return the window on each side; 10 s by default
     */
    @Value.Default
    public Duration fastPollWindow() {
        return Duration.ofSeconds(10);
    }

    /**
     * The most AWS calls per second the engine makes, over all its runs together.
     *
     * @return the rate; 10 by default
     */
    @Value.Default
    public double maxCallsPerSecond() {
        return 10;
    }

    /**
     * How many times a call is tried when it is throttled, gets a 5xx, or hits an I/O error.
     *
     * @return the attempts, the first included; 6 by default
     */
    @Value.Default
    public int maxAttempts() {
        return 6;
    }

    /**
     * How many polls in a row may fail (each after its own retries) before the engine gives up
     * following a run and fails its completion; also how often a failed stop request is sent
     * again.
     *
     * @return the count; 3 by default
     */
    @Value.Default
    public int maxFailedPolls() {
        return 3;
    }

    /**
     * The first wait before a retry; later waits double, with random jitter.
     *
     * @return the wait; 200 ms by default
     */
    @Value.Default
    public Duration initialBackoff() {
        return Duration.ofMillis(200);
    }

    /**
     * The longest wait between retries.
     *
     * @return the cap; 10 s by default
     */
    @Value.Default
    public Duration maxBackoff() {
        return Duration.ofSeconds(10);
    }

    /**
     * How long a run may outlast its planned duration before the watchdog stops it.
     *
     * @return the margin; 5 minutes by default
     */
    @Value.Default
    public Duration watchdogMargin() {
        return Duration.ofMinutes(5);
    }

    /**
     * When the template created for a run is deleted.
     *
     * @return the policy; {@link TemplateCleanup#ALWAYS} by default
     */
    @Value.Default
    public TemplateCleanup templateCleanup() {
        return TemplateCleanup.ALWAYS;
    }

    /**
     * Whether a JVM shutdown hook stops every experiment the engine started and still runs.
     *
     * @return true by default
     */
    @Value.Default
    public boolean stopOnShutdown() {
        return true;
    }

    /**
     * The shutdown grace period: how long the shutdown hook may take, in all, to let in-flight
     * calls finish, stop what the engine started and delete its templates before the JVM exits.
     *
     * @return the wait; 30 s by default
     */
    @Value.Default
    public Duration shutdownWait() {
        return Duration.ofSeconds(30);
    }

    /**
     * How many of this engine's runs may hold a slot at once in one account and Region (FIS
     * allows 5 active experiments per account and Region, quota L-F5FCA485); further starts wait
     * in a first-in-first-out queue.
     *
     * @return the cap; 5 by default
     */
    @Value.Default
    public int maxActivePerAccount() {
        return 5;
    }

    /**
     * How many journal writes (a run's header, an event, its report files) may wait for the
     * engine's journal writer thread. When the queue is full, the thread that publishes an event
     * waits for room (the engine slows to the journal's pace; nothing is dropped). A crash of the
     * JVM loses at most this many writes plus the batch being written (64); an orderly
     * {@link FisEngine#close()} writes them all. Used only with a journal.
     *
     * @return the capacity; 1,024 by default
     */
    @Value.Default
    public int journalQueueCapacity() {
        return 1024;
    }

    /**
     * How long a start that FIS refused with {@code ServiceQuotaExceededException} (another
     * controller uses the account's slots) waits before it asks again, with the same client token.
     *
     * @return the wait on the engine's clock; 15 s by default
     */
    @Value.Default
    public Duration quotaRetryInterval() {
        return Duration.ofSeconds(15);
    }

    /**
     * The value of the {@code faultline:owner} tag put on every template and experiment the
     * engine creates, so their owner is known.
     *
     * @return the owner; {@code faultline} by default
     */
    @Value.Default
    public String owner() {
        return "faultline";
    }

    /**
     * How long, on the engine's clock, a run waits before its start for the alarms of its metric
     * stop conditions to leave {@code INSUFFICIENT_DATA}; the run is refused after that.
     *
     * @return the wait; 5 minutes by default (a new alarm needs at least one period of data)
     */
    @Value.Default
    public Duration alarmWait() {
        return Duration.ofMinutes(5);
    }

    /**
     * Whether the alarms the engine creates for metric stop conditions are deleted after the
     * run (when no other run of the engine uses them). Kept by default: their history shows what
     * the run did, and a rerun finds them ready instead of waiting for data again.
     *
     * @return false by default
     */
    @Value.Default
    public boolean deleteAlarmsAfterRun() {
        return false;
    }

    /**
     * Checks that the values make sense.
     */
    @Value.Check
    protected void check() {
        positive(pollInterval(), "pollInterval");
        positive(fastPollInterval(), "fastPollInterval");
        positive(initialBackoff(), "initialBackoff");
        positive(maxBackoff(), "maxBackoff");
        positive(quotaRetryInterval(), "quotaRetryInterval");
        positive(alarmWait(), "alarmWait");
        if (maxActivePerAccount() < 1) {
            throw new IllegalArgumentException("maxActivePerAccount must be at least 1, was " + maxActivePerAccount());
        }
        if (journalQueueCapacity() < 1) {
            throw new IllegalArgumentException("journalQueueCapacity must be at least 1, was " + journalQueueCapacity());
        }
        if (fastPollWindow().isNegative() || watchdogMargin().isNegative() || shutdownWait().isNegative()) {
            throw new IllegalArgumentException("fastPollWindow, watchdogMargin and shutdownWait must not be negative");
        }
        if (!(maxCallsPerSecond() > 0) || Double.isInfinite(maxCallsPerSecond())) {
            throw new IllegalArgumentException("maxCallsPerSecond must be a positive number, was " + maxCallsPerSecond());
        }
        if (maxAttempts() < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts());
        }
        if (maxFailedPolls() < 1) {
            throw new IllegalArgumentException("maxFailedPolls must be at least 1, was " + maxFailedPolls());
        }
        if (owner().isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
    }

    private static void positive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Builds {@link EngineConfig} values. */
    public static final class Builder extends ImmutableEngineConfig.Builder {
        /** Creates a builder holding the defaults; prefer {@link EngineConfig#builder()}. */
        public Builder() {}
    }
}
