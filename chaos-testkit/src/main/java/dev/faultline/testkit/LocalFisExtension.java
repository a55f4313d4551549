package dev.faultline.testkit;

import dev.faultline.core.engine.ChaosEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link LocalFis} for a test class (static
 * {@code @RegisterExtension} field, or {@code @ExtendWith(LocalFisExtension.class)}) or for
 * each test (instance field), and hands tests the instance, its clock, SDK clients and a ready
 * engine as parameters: {@link LocalFis}, {@link ManualClock}, {@link Inventory}, {@link Alarms},
 * and, with the SDK on the class path, {@code FisAsyncClient} and {@code CloudWatchAsyncClient},
 * and with chaos-aws, {@code FisEngine} (or {@link ChaosEngine}): on LocalFis's clock, polling
 * fast, closed after the class (or test).
 *
 * <p>The default clock is manual: it moves only when the test advances it, and an experiment
 * whose clock is not advanced within 15 s of wall-clock time fails with a reason that says so.
 * For a run that goes by itself, give a scaled clock:
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalFisExtension fis = LocalFisExtension.builder()
 *     .clock(Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(50)))
 *     .inventory(inv -> inv.ec2Instances(10, "Environment", "Production"))
 *     .build();
 *
 * @Test
 * void nodeLoss(FisEngine engine) {
 *     RunOutcome outcome = engine.start(experiment).thenCompose(ExperimentRun::completion).join();
 * }
 * }</pre>
 */
public final class LocalFisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    static {
        QuietLogging.whenNoBinding();
    }

    private static final String FIS = "software.amazon.awssdk.services.fis.FisAsyncClient";
    private static final String CLOUDWATCH = "software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient";

    /** How long an experiment waits for a manual clock that is never advanced before it fails. */
    public static final Duration MANUAL_CLOCK_TIMEOUT = Duration.ofSeconds(15);

    private final LocalFis.Builder template;
    private final boolean manual;
    private LocalFis running;
    private boolean perClass;
    private AutoCloseable fisClient;
    private AutoCloseable cloudWatchClient;
    private ChaosEngine engine;

    /** An extension with the defaults: a manual clock, an empty inventory, a free port. */
    public LocalFisExtension() {
        this(builder());
    }

    private LocalFisExtension(Builder b) {
        this.template = b.fis;
        template.manualClockTimeout(b.manualClockTimeout);
        this.manual = b.clock == null || b.clock instanceof ManualClock;
        if (b.clock != null) {
            template.clock(b.clock);
        }
    }

    /**
     * Starts configuring the extension.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The running instance.
     *
     * @return the instance
     * @throws IllegalStateException outside a test
     */
    public LocalFis localFis() {
        if (running == null) {
            throw new IllegalStateException("LocalFis runs only while a test runs.");
        }
        return running;
    }

    /**
     * The manual clock of the running instance.
     *
     * @return the clock
     * @throws IllegalStateException if the instance runs on another clock
     */
    public ManualClock clock() {
        Clock c = localFis().clock();
        if (!(c instanceof ManualClock)) {
            throw new IllegalStateException("This LocalFis runs on " + c + ", not a manual clock.");
        }
        return (ManualClock) c;
    }

    /**
     * The engine wired to the running instance: a {@code FisEngine} of chaos-aws on its clock,
     * polling fast; created on first use and closed after the class (or test).
     *
     * @return the engine
     * @throws IllegalStateException outside a test, or when chaos-aws or the SDK is missing
     */
    public synchronized ChaosEngine engine() {
        LocalFis local = localFis();
        if (engine == null) {
            if (fisClient == null) {
                fisClient = SdkClients.fis(local);
            }
            if (cloudWatchClient == null) {
                cloudWatchClient = SdkClients.cloudWatch(local);
            }
            engine = ReadyEngine.create(fisClient, cloudWatchClient, local.clock());
        }
        return engine;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startIfNeeded();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private synchronized void startIfNeeded() {
        if (running == null) {
            if (manual) {
                template.clock(Clocks.manual());
            }
            running = template.start();
        }
    }

    private synchronized void stop() {
        closeQuietly(engine);
        engine = null;
        closeQuietly(fisClient);
        closeQuietly(cloudWatchClient);
        fisClient = null;
        cloudWatchClient = null;
        if (running != null) {
            running.close();
            running = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a client at the end of a test: nothing to do
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == LocalFis.class || type == ManualClock.class || type == Inventory.class || type == Alarms.class
                || type.getName().equals(FIS) || type.getName().equals(CLOUDWATCH)
                || type == ChaosEngine.class || type.getName().equals(ReadyEngine.FIS_ENGINE);
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        startIfNeeded();
        Class<?> type = parameter.getParameter().getType();
        if (type == LocalFis.class) {
            return running;
        }
        if (type == ManualClock.class) {
            try {
                return clock();
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException(e.getMessage(), e);
            }
        }
        if (type == Inventory.class) {
            return running.inventory();
        }
        if (type == Alarms.class) {
            return running.alarms();
        }
        if (type == ChaosEngine.class || type.getName().equals(ReadyEngine.FIS_ENGINE)) {
            try {
                return engine();
            } catch (IllegalStateException | NoClassDefFoundError e) {
                throw new ParameterResolutionException("No engine for " + parameter.getParameter() + ": "
                        + e.getMessage(), e);
            }
        }
        if (type.getName().equals(FIS)) {
            if (fisClient == null) {
                fisClient = SdkClients.fis(running);
            }
            return fisClient;
        }
        if (cloudWatchClient == null) {
            cloudWatchClient = SdkClients.cloudWatch(running);
        }
        return cloudWatchClient;
    }

    /** Configures a {@link LocalFisExtension}. */
    public static final class Builder {
        private final LocalFis.Builder fis = LocalFis.builder();
        private Clock clock;
        private Duration manualClockTimeout = MANUAL_CLOCK_TIMEOUT;

        private Builder() {}

        /**
         * Adds code that fills the inventory.
         *
         * @param setup the code
         * @return this builder
         */
        public Builder inventory(Consumer<Inventory> setup) {
            fis.inventory(setup);
            return this;
        }

        /**
         * Adds code that creates alarms.
         *
         * @param setup the code
         * @return this builder
         */
        public Builder alarms(Consumer<Alarms> setup) {
            fis.alarms(setup);
            return this;
        }

        /**
         * Sets the clock; by default each start gets a fresh manual clock, which the test must
         * advance. {@code Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(50))} runs by itself.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the account id in ARNs (default {@value LocalFis#DEFAULT_ACCOUNT}).
         *
         * @param value a 12-digit account id
         * @return this builder
         */
        public Builder account(String value) {
            fis.account(value);
            return this;
        }

        /**
         * Sets the Region in ARNs and of the clients (default {@value LocalFis#DEFAULT_REGION}).
         *
         * @param value for example {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String value) {
            fis.region(value);
            return this;
        }

        /**
         * Sets how long, in wall-clock time, an experiment waits for a manual clock that is never
         * advanced before it fails saying so (15 s by default).
         *
         * @param value the wait; zero to wait for ever
         * @return this builder
         */
        public Builder manualClockTimeout(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("The manual clock timeout must not be negative: " + value);
            }
            this.manualClockTimeout = value;
            return this;
        }

        /**
         * Sets the seed of target selection.
         *
         * @param value the seed
         * @return this builder
         */
        public Builder seed(long value) {
            fis.seed(value);
            return this;
        }

        /**
         * Sets the faults injected into the API.
         *
         * @param value the faults
         * @return this builder
         */
        public Builder faults(Faults value) {
            fis.faults(value);
            return this;
        }

        /**
         * Builds the extension.
         *
         * @return the extension
         */
        public LocalFisExtension build() {
            return new LocalFisExtension(this);
        }
    }
}
