package dev.faultline.testkit;

import dev.faultline.core.validation.Validator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.testkit.internal.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process emulator of the AWS Fault Injection Service API (and of the CloudWatch alarm
 * calls that stop conditions need) on a local port, so that the real AWS SDK and AWS CLI run
 * experiments end to end with no AWS account. Templates and experiments live in memory;
 * targets resolve against a simulated {@link Inventory}; experiments run on the clock given
 * (a {@link ManualClock} for tests, or {@link Clocks#scaled scaled} real time).
 *
 * <pre>{@code
 * ManualClock clock = Clocks.manual();
 * try (LocalFis fis = LocalFis.builder()
 *         .clock(clock)
 *         .inventory(inv -> inv.ec2Instances(10, "Role", "WorkerNode"))
 *         .start()) {
 *     FisAsyncClient client = FisAsyncClient.builder().endpointOverride(fis.endpoint())...build();
 *     // create a template, start an experiment, then:
 *     clock.advance(Duration.ofMinutes(10));
 * }
 * }</pre>
 */
public final class LocalFis implements AutoCloseable {

    static {
        QuietLogging.whenNoBinding();
    }

    /** The account id used unless the builder sets another. */
    public static final String DEFAULT_ACCOUNT = "123456789012";
    /** The Region used unless the builder sets another. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Logger LOG = LoggerFactory.getLogger(LocalFis.class);

    private final String account;
    private final String region;
    private final Clock clock;
    private final Inventory inventory;
    private final Alarms alarms;
    private final Engine engine;
    private final SafetyLeverApi lever;
    private final Experiments experiments;
    private final HttpFront front;
    private final IamRoles iam;
    private final ClockTicker ticker;
    private final Runnable tick;
    private final Runnable advanced;

    private LocalFis(Builder b) throws IOException {
        this.account = b.account;
        this.region = b.region;
        this.clock = b.clock;
        this.inventory = new Inventory(account, region);
        b.inventorySetup.accept(inventory);
        this.alarms = new Alarms(account, region, clock);
        b.alarmSetup.accept(alarms);
        // templates are validated against the catalog the catalog API lists: an overlay's actions are known to both
        this.engine = new Engine(account, region, clock, inventory, alarms, b.seed, Validator.standard().withCatalog(b.catalog));
        engine.enforceTargetQuotas(b.enforceTargetQuotas);
        engine.manualClockTimeout(b.manualClockTimeout);
        this.experiments = new Experiments(engine, b.seed + 1);
        this.lever = new SafetyLeverApi(engine, experiments);
        this.tick = engine::tick;
        this.advanced = () -> {
            engine.clockAdvanced();
            engine.tick();
        };
        this.iam = new IamRoles(clock);
        b.iamSetup.accept(iam);
        this.front = new HttpFront(b.port, b.http, engine, new FisRouter(engine, experiments, lever, new CatalogApi(engine, b.catalog)),
                new CloudWatchQuery(alarms, tick), new IamQuery(iam));
        front.faults(b.faults);
        alarms.onChange(tick);
        // a manual clock's advances are also noted, so a run waiting on a clock nobody moves fails fast
        this.ticker = ClockTicker.start(clock, clock instanceof ManualClock ? advanced : tick, b.tickPeriod);
        LOG.debug("LocalFis listening on {}", endpoint());
    }

    /**
     * Starts configuring an instance.
     *
     * @return a builder with the defaults: a free port, account {@value #DEFAULT_ACCOUNT},
     *     Region {@value #DEFAULT_REGION}, a manual clock, seed 0, an empty inventory, no faults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The URL to give clients as endpoint override.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + front.port());
    }

    /**
     * The bound port.
     *
     * @return the port
     */
    public int port() {
        return front.port();
    }

    /**
     * The account id in ARNs.
     *
     * @return the account id
     */
    public String account() {
        return account;
    }

    /**
     * The Region in ARNs.
     *
     * @return the Region
     */
    public String region() {
        return region;
    }

    /**
     * The simulated clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The simulated resources: add to them, and read what experiments did.
     *
     * @return the inventory
     */
    public Inventory inventory() {
        return inventory;
    }

    /**
     * The emulated CloudWatch alarms and metrics.
     *
     * @return the alarms
     */
    public Alarms alarms() {
        return alarms;
    }

    /**
     * The IAM roles its IAM API answers from; roles may be added while it runs.
     *
     * @return the roles
     */
    public IamRoles iam() {
        return iam;
    }

    /**
     * Replaces the faults injected into the API.
     *
     * @param value the faults; {@link Faults#none()} to stop injecting
     * @return this instance
     */
    public LocalFis faults(Faults value) {
        front.faults(value);
        return this;
    }

    /**
     * The HTTP requests this LocalFis received, oldest first, each with the
     * {@link System#nanoTime()} of its arrival (the most recent 10,000 are kept): what reached the
     * wire, for tests of a client's rate cap or re-sent calls.
     *
     * @return a snapshot
     */
    public List<ReceivedRequest> received() {
        return front.received();
    }

    /**
     * Makes every action with this id fail when it starts, so that clients' handling of failed
     * experiments can be tested: the experiment ends {@code failed} with
     * {@code state.error.code = errorCode} and the action's name as location.
     *
     * <pre>{@code
     * fis.failAction("aws:ec2:stop-instances", "AuthorizationFailure");
     * }</pre>
     *
     * @param actionId the action id
     * @param errorCode a FIS error code (reference §3.3), or null to stop failing it
     * @return this instance
     */
    public LocalFis failAction(String actionId, String errorCode) {
        engine.failAction(actionId, errorCode);
        return this;
    }

    /**
     * Engages the safety lever: running experiments stop, new ones are cancelled.
     *
     * @param reason why
     */
    public void engageSafetyLever(String reason) {
        lever("engaged", reason);
    }

    /**
     * Disengages the safety lever.
     *
     * @param reason why
     */
    public void disengageSafetyLever(String reason) {
        lever("disengaged", reason);
    }

    private void lever(String status, String reason) {
        var body = Json.object();
        body.putObject("state").put("status", status).put("reason", Objects.requireNonNull(reason, "reason"));
        lever.updateLever(SafetyLeverApi.LEVER_ID, body);
    }

    /**
     * The status of an experiment, after running it up to the clock's time.
     *
     * @param experimentId the id
     * @return for example {@code running}, or empty if there is no such experiment
     */
    public Optional<String> experimentStatus(String experimentId) {
        try {
            JsonNode e = experiments.get(experimentId);
            return Optional.of(e.path("experiment").path("state").path("status").asText());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Runs experiments up to the clock's time (done on every request and clock step anyway). */
    public void tick() {
        engine.tick();
    }

    /** Stops serving. */
    @Override
    public void close() {
        ticker.close();
        front.close();
    }

    @Override
    public String toString() {
        return "LocalFis[" + endpoint() + ", " + clock + "]";
    }

    /** Configures and starts a {@link LocalFis}; the settings are described on each of its methods. */
    public static final class Builder extends LocalFisSettings {

        private Builder() {}

        /**
         * Starts serving on 127.0.0.1.
         *
         * @return the running instance; close it when done
         * @throws LocalFisException if the port cannot be bound
         */
        public LocalFis start() {
            if (clock == null) {
                clock = Clocks.manual();
            }
            try {
                return new LocalFis(this);
            } catch (IOException e) {
                throw new LocalFisException(port, e);
            }
        }
    }
}
