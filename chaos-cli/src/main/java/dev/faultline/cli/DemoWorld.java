package dev.faultline.cli;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.testkit.Alarms;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SimResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated world: a LocalFis on a clock that runs {@link #DEFAULT_SPEED} times
 * faster than real time (or as fast as asked),
 * a fleet of ten checkout worker instances, a load balancer whose 5xx count and error rate
 * follow how many workers are running, and an alarm on the 5xx count.
 *
 * <p>Every simulated minute the world computes the load each running worker carries and
 * publishes the minute's metrics: the error rate is 0.2 % while the running workers carry
 * less than 85 % of their capacity, and climbs steeply above it. Losing two of ten workers
 * (20 %) leaves the rest at about 78 % under normal traffic, so the service holds; under a
 * traffic surge the same loss overloads them, the 5xx alarm fires, and FIS stops the run.
 */
final class DemoWorld implements AutoCloseable {

    /** The tag that marks the worker instances. */
    static final String ROLE_TAG = "Role";
    /** Its value. */
    static final String ROLE = "checkout-worker";
    /** The 5xx alarm's name. */
    static final String ALARM = "checkout-5xx";
    /** The namespace of the error rate the hypothesis watches. */
    static final String NAMESPACE = "Faultline/Demo";
    /** The error rate metric, in percent. */
    static final String ERROR_RATE = "ErrorRate";
    /** The service dimension value. */
    static final String SERVICE = "checkout";
    /** How many simulated seconds pass per real second, unless told otherwise. */
    static final int DEFAULT_SPEED = 60;
    /** The fastest the demo may run: beyond it, one poll interval spans too much simulated time. */
    static final int MAX_SPEED = 600;

    private static final int WORKERS = 10;
    private static final double CAPACITY_PER_WORKER = 800;
    private static final double NORMAL_LOAD = 5_000;
    private static final double SURGE_LOAD = 7_000;
    private static final double ALARM_THRESHOLD = 100;
    private static final MetricId FIVE_XX = MetricId.of("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count",
            "LoadBalancer", "app/checkout/50dc6c495c0c9188");
    private static final MetricId RATE = MetricId.of(NAMESPACE, ERROR_RATE, "Service", SERVICE);

    private final int speed;
    private final LocalFis fis;
    private final ScheduledExecutorService traffic;
    private volatile Instant published;
    private volatile Instant surgeFrom = Instant.MAX;

    DemoWorld() {
        this(DEFAULT_SPEED, Catalog.defaultCatalog());
    }

    /**
     * Starts the world at a given speed, its LocalFis listing and validating against the default catalog.
     *
     * @param speed simulated seconds per real second, 1 to {@link #MAX_SPEED}
     */
    DemoWorld(int speed) {
        this(speed, Catalog.defaultCatalog());
    }

    /**
     * Starts the world.
     *
     * @param speed simulated seconds per real second, 1 to {@link #MAX_SPEED}: a slower world
     *     leaves more room for a busy machine, a faster one ends sooner
     * @param catalog the catalog its LocalFis lists and validates against
     */
    DemoWorld(int speed, Catalog catalog) {
        if (speed < 1 || speed > MAX_SPEED) {
            throw new IllegalArgumentException("The demo's speed must be 1 to " + MAX_SPEED
                    + " simulated seconds per real second, was " + speed);
        }
        this.speed = speed;
        Clock clock = Clocks.scaled(Duration.ofSeconds(speed), Duration.ofSeconds(1));
        this.fis = LocalFis.builder().clock(clock).seed(7).catalog(catalog)
                .inventory(inv -> inv.ec2Instances(WORKERS, ROLE_TAG, ROLE, "Environment", "demo"))
                .alarms(a -> a.put(ALARM, FIVE_XX, "Sum", Duration.ofMinutes(1), 1, 1, ALARM_THRESHOLD,
                        "GreaterThanThreshold"))
                .tickPeriod(Duration.ofMillis(20))
                .start();
        Instant now = minute(clock.instant());
        this.published = now.minus(Duration.ofMinutes(15));
        publishUpTo(now);
        fis.alarms().evaluate(clock.instant());
        this.traffic = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-demo-traffic");
            t.setDaemon(true);
            return t;
        });
        traffic.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    /** Simulated seconds per real second. */
    int speed() {
        return speed;
    }

    /** The emulator. */
    LocalFis fis() {
        return fis;
    }

    /** The 5xx alarm's ARN. */
    String alarmArn() {
        return fis.alarms().arnOf(ALARM);
    }

    /** The role the experiments run as (the demo gives it to LocalFis's IAM with its derived policy). */
    String roleArn() {
        return "arn:aws:iam::" + fis.account() + ":role/FaultlineDemo";
    }

    /**
     * Starts a traffic surge a while from now.
     *
     * @param after simulated time until the surge
     */
    void surgeAfter(Duration after) {
        surgeFrom = fis.clock().instant().plus(after);
    }

    /** Ends any surge. */
    void calm() {
        surgeFrom = Instant.MAX;
    }

    /** How many workers are running now. */
    int runningWorkers() {
        int running = 0;
        for (SimResource r : fis.inventory().resources("aws:ec2:instance")) {
            if ("running".equals(r.text("State.Name").orElse(""))) {
                running++;
            }
        }
        return running;
    }

    /**
     * The error rate, in percent, when the running workers share a load.
     *
     * @param load requests per minute
     * @param running running workers
     * @return the error rate
     */
    static double errorRate(double load, int running) {
        if (running == 0) {
            return 100;
        }
        double utilisation = load / (running * CAPACITY_PER_WORKER);
        return Math.min(100, 0.2 + Math.max(0, utilisation - 0.85) * 12);
    }

    private void tick() {
        try {
            publishUpTo(minute(fis.clock().instant()));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DemoWorld.class).warn("demo traffic tick failed", e);
        }
    }

    private void publishUpTo(Instant minute) {
        Alarms alarms = fis.alarms();
        while (published.isBefore(minute)) {
            published = published.plus(Duration.ofMinutes(1));
            double load = published.isBefore(surgeFrom) ? NORMAL_LOAD : SURGE_LOAD;
            double rate = errorRate(load, runningWorkers());
            alarms.putMetricData(RATE, published, rate);
            alarms.putMetricData(FIVE_XX, published, Math.round(load * rate / 100));
        }
    }

    private static Instant minute(Instant t) {
        return t.truncatedTo(ChronoUnit.MINUTES);
    }

    @Override
    public void close() {
        traffic.shutdownNow();
        fis.close();
    }
}
