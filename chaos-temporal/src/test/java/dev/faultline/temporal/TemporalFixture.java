package dev.faultline.temporal;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSource;
import dev.faultline.core.model.Experiment;
import dev.faultline.dsl.Scenarios;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SdkClients;
import dev.faultline.testkit.SimResource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ListExperimentsResponse;

/**
 * One LocalFis (an account) on a clock 600 times faster than real time, with ten worker
 * instances, an alarm and an error metric, and SDK clients for it.
 */
final class TemporalFixture implements AutoCloseable {

    static final String ALARM = "HighErrors";
    static final MetricId ERRORS = MetricId.of("App", "Errors");
    /** One HTTP client for every fixture: its event loop's graceful shutdown costs seconds. */
    static final SdkAsyncHttpClient HTTP = NettyNioAsyncHttpClient.create();

    final Clock clock;
    final LocalFis localFis;
    final FisAsyncClient fis;
    final CloudWatchAsyncClient cloudWatch;
    final Instant t0;

    TemporalFixture() {
        this(LocalFis.DEFAULT_ACCOUNT);
    }

    TemporalFixture(String account) {
        this(account, Clocks.scaled(Duration.ofMinutes(10), Duration.ofSeconds(1)));
    }

    /** Another account on the same clock as one already made (a worker's engines have one clock). */
    TemporalFixture(String account, Clock clock) {
        this.clock = clock;
        this.localFis = LocalFis.builder().clock(clock).seed(7).account(account)
                .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                .alarms(a -> a.create(ALARM))
                .tickPeriod(Duration.ofMillis(10))
                .start();
        this.fis = SdkClients.fis(localFis, HTTP);
        this.cloudWatch = SdkClients.cloudWatch(localFis, HTTP);
        this.t0 = clock.instant();
    }

    /** Short intervals, a high rate. */
    static EngineConfig config() {
        return EngineConfig.builder()
                .pollInterval(Duration.ofMillis(20))
                .fastPollInterval(Duration.ofMillis(10))
                .maxCallsPerSecond(2000)
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(100))
                .owner("faultline-temporal-test")
                .build();
    }

    /** The role in this fixture's account. */
    String role() {
        return "arn:aws:iam::" + localFis.account() + ":role/FisRole";
    }

    /** Compute node loss (20 % of the workers for 5 minutes) with a hypothesis on App/Errors. */
    Experiment nodeLoss(String name) {
        return nodeLoss(name, Duration.ofMinutes(5));
    }

    /** Compute node loss (20 % of the workers for a while: 1 real second is 10 minutes) with a hypothesis. */
    Experiment nodeLoss(String name, Duration restartAfter) {
        return Scenarios.computeNodeLoss(experiment(name).role(role())
                        .stopWhen(alarm(localFis.alarms().arnOf(ALARM)))
                        .tag("Team", "chaos")
                        .hypothesis("errors stay low", steadyState("errors").metric(ERRORS.namespace(), ERRORS.name())
                                .maximum().per(Duration.ofMinutes(1)).below(5))
                        .recoveryWindow(Duration.ofMinutes(1)),
                "Role", "Worker", 20, restartAfter).build();
    }

    /** Feeds the error metric, one value every 30 simulated seconds: before the start, then from it. */
    void feed(double before, double during) {
        double[] early = new double[20];
        Arrays.fill(early, before);
        localFis.alarms().putMetricSeries(ERRORS, t0.minus(Duration.ofMinutes(10)), Duration.ofSeconds(30), early);
        double[] late = new double[2000];
        Arrays.fill(late, during);
        localFis.alarms().putMetricSeries(ERRORS, t0, Duration.ofSeconds(30), late);
    }

    /**
     * Error counts that follow the fleet, as a service's would: {@code during} while a worker instance
     * is not running (the node loss is in effect), {@code before} otherwise. Unlike series put on the
     * scaled clock, a reading depends on the experiment's state, not on how fast the machine is.
     */
    MetricSource errorsFollowingTheFleet(double before, double during) {
        return (condition, from, to) -> CompletableFuture.completedFuture(
                List.of(new MetricPoint(to, workersDown() ? during : before)));
    }

    /** Tells whether a worker instance is stopped (or stopping, or starting again). */
    boolean workersDown() {
        for (SimResource r : localFis.inventory().resources("aws:ec2:instance")) {
            if (!"running".equals(r.text("State.Name").orElse(""))) {
                return true;
            }
        }
        return false;
    }

    /** Every experiment LocalFis saw started, the skip-all previews of the preflight excepted. */
    List<ExperimentSummary> experiments() {
        List<ExperimentSummary> out = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListExperimentsResponse page = fis.listExperiments(b -> b.maxResults(100).nextToken(token)).join();
            for (ExperimentSummary e : page.experiments()) {
                if (!"preview".equals(e.tags().get("faultline:purpose"))) {
                    out.add(e);
                }
            }
            next = page.nextToken() == null || page.nextToken().isEmpty() ? null : page.nextToken();
        } while (next != null);
        return out;
    }

    /** The templates left in LocalFis. */
    int templates() {
        return fis.listExperimentTemplates(b -> b.maxResults(100)).join().experimentTemplates().size();
    }

    /** Waits (polling every 10 ms) until a condition holds; the test's @Timeout guards hangs. */
    static void await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    @Override
    public void close() {
        fis.close();
        cloudWatch.close();
        localFis.close();
    }
}
