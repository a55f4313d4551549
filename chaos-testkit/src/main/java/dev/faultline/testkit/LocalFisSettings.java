package dev.faultline.testkit;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.testkit.internal.HttpLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link LocalFis} is started with, and the checks on each setting: the settings of
 * {@link LocalFis.Builder}, which adds {@link LocalFis.Builder#start()}.
 */
abstract class LocalFisSettings {
    int port;
    String account = LocalFis.DEFAULT_ACCOUNT;
    String region = LocalFis.DEFAULT_REGION;
    Clock clock;
    long seed;
    Faults faults = Faults.none();
    Consumer<Inventory> inventorySetup = i -> { };
    Consumer<Alarms> alarmSetup = a -> { };
    Duration tickPeriod = Duration.ofMillis(5);
    boolean enforceTargetQuotas;
    HttpLimits http = HttpLimits.DEFAULTS;
    Consumer<IamRoles> iamSetup = i -> { };
    Catalog catalog = Catalog.defaultCatalog();
    Duration manualClockTimeout = Duration.ZERO;

    LocalFisSettings() {}

    private LocalFis.Builder self() {
        return (LocalFis.Builder) this;
    }

    /**
     * Adds code that gives LocalFis's IAM API its roles at start (none by default: every
     * role is then unknown to {@code GetRole} and {@code SimulatePrincipalPolicy}).
     *
     * @param setup the code
     * @return this builder
     */
    public LocalFis.Builder iam(Consumer<IamRoles> setup) {
        this.iamSetup = this.iamSetup.andThen(Objects.requireNonNull(setup, "setup"));
        return self();
    }

    /**
     * Sets the largest request body accepted (default 1 MiB); a larger one is answered 413
     * {@code ValidationException} before it is read.
     *
     * @param bytes the limit
     * @return this builder
     */
    public LocalFis.Builder maxRequestBytes(int bytes) {
        this.http = http.withMaxBodyBytes(bytes);
        return self();
    }

    /**
     * Sets how long a client has to send a request's line and headers (default 10 s) and
     * then its body (default 30 s); a slower one is answered 408 and disconnected.
     *
     * @param head the time for the request line and headers
     * @param body the time for the body
     * @return this builder
     */
    public LocalFis.Builder readTimeouts(Duration head, Duration body) {
        this.http = http.withTimeouts(head, body);
        return self();
    }

    /**
     * Sets the catalog that ListActions, GetAction, ListTargetResourceTypes and
     * GetTargetResourceType answer from (default: the built-in one), to stand for a FIS whose
     * actions changed, as {@code faultline catalog diff} tests need.
     *
     * @param value the catalog
     * @return this builder
     */
    public LocalFis.Builder catalog(Catalog value) {
        this.catalog = Objects.requireNonNull(value, "catalog");
        return self();
    }

    /**
     * Sets the port.
     *
     * @param value the port; 0 (the default) for a free one
     * @return this builder
     */
    public LocalFis.Builder port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("Not a port: " + value);
        }
        this.port = value;
        return self();
    }

    /**
     * Sets the account id used in ARNs.
     *
     * @param value a 12-digit account id
     * @return this builder
     */
    public LocalFis.Builder account(String value) {
        this.account = Objects.requireNonNull(value, "account");
        return self();
    }

    /**
     * Sets the Region used in ARNs.
     *
     * @param value for example {@code eu-west-1}
     * @return this builder
     */
    public LocalFis.Builder region(String value) {
        this.region = Objects.requireNonNull(value, "region");
        return self();
    }

    /**
     * Sets the clock; a {@link ManualClock} moves experiments on each advance, any other
     * clock is followed every few milliseconds.
     *
     * @param value the clock
     * @return this builder
     */
    public LocalFis.Builder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /**
     * Sets the seed of random target selection and request ids (template and experiment ids
     * are unique to each instance, so they do not repeat across restarts).
     *
     * @param value the seed
     * @return this builder
     */
    public LocalFis.Builder seed(long value) {
        this.seed = value;
        return self();
    }

    /**
     * Sets the faults injected into the API from the start.
     *
     * @param value the faults
     * @return this builder
     */
    public LocalFis.Builder faults(Faults value) {
        this.faults = Objects.requireNonNull(value, "faults");
        return self();
    }

    /**
     * Adds code that fills the inventory at start.
     *
     * @param setup the code
     * @return this builder
     */
    public LocalFis.Builder inventory(Consumer<Inventory> setup) {
        this.inventorySetup = this.inventorySetup.andThen(Objects.requireNonNull(setup, "setup"));
        return self();
    }

    /**
     * Adds code that creates alarms at start.
     *
     * @param setup the code
     * @return this builder
     */
    public LocalFis.Builder alarms(Consumer<Alarms> setup) {
        this.alarmSetup = this.alarmSetup.andThen(Objects.requireNonNull(setup, "setup"));
        return self();
    }

    /**
     * Makes experiments fail with {@code QuotaExceededFailure} when an action would affect
     * more resources chosen by tags, filters or parameters than its per-action target quota
     * (5 for stop-instances, reference §7). Off by default: whether FIS checks this at start
     * is not confirmed.
     *
     * @param value true to enforce
     * @return this builder
     */
    public LocalFis.Builder enforceTargetQuotas(boolean value) {
        this.enforceTargetQuotas = value;
        return self();
    }

    /**
     * Makes an experiment fail, with a reason that says why, when the {@link ManualClock} it
     * waits for is not advanced within this much wall-clock time after its start (a test
     * that forgot to advance it); {@link LocalFisExtension} sets 15 s.
     *
     * @param value the wall-clock time; zero (the default) to wait for ever
     * @return this builder
     */
    public LocalFis.Builder manualClockTimeout(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("The manual clock timeout must not be negative: " + value);
        }
        this.manualClockTimeout = value;
        return self();
    }

    /**
     * Sets how often a clock that is not manual is followed (default 5 ms of wall time).
     *
     * @param value the period
     * @return this builder
     */
    public LocalFis.Builder tickPeriod(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("The tick period must be positive: " + value);
        }
        this.tickPeriod = value;
        return self();
    }
}
