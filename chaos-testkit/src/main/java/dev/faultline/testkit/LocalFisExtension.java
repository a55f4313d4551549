package dev.faultline.testkit;

import java.time.Clock;
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
 * each test (instance field), and hands tests the instance, its clock and SDK clients as
 * parameters: {@link LocalFis}, {@link ManualClock}, {@link Inventory}, {@link Alarms}, and,
 * when the SDK is on the class path, {@code FisAsyncClient} and {@code CloudWatchAsyncClient}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static LocalFisExtension fis = LocalFisExtension.builder()
 *     .inventory(inv -> inv.ec2Instances(10, "Environment", "Production"))
 *     .build();
 *
 * @Test
 * void nodeLoss(FisAsyncClient client, ManualClock clock) { ... }
 * }</pre>
 */
public final class LocalFisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final String FIS = "software.amazon.awssdk.services.fis.FisAsyncClient";
    private static final String CLOUDWATCH = "software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient";

    private final LocalFis.Builder template;
    private final boolean manual;
    private LocalFis running;
    private boolean perClass;
    private AutoCloseable fisClient;
    private AutoCloseable cloudWatchClient;

    /** An extension with the defaults: a manual clock, an empty inventory, a free port. */
    public LocalFisExtension() {
        this(builder());
    }

    private LocalFisExtension(Builder b) {
        this.template = b.fis;
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
                || type.getName().equals(FIS) || type.getName().equals(CLOUDWATCH);
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
         * Sets the clock; by default each start gets a fresh manual clock.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the seed of ids and target selection.
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
