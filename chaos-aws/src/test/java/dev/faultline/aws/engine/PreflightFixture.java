package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.ec2Instances;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.Ec2;
import dev.faultline.dsl.ExperimentDraft;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import dev.faultline.testkit.MetricId;
import dev.faultline.testkit.SdkClients;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/** A LocalFis with SDK clients and the engine context the preflight checks run in. */
final class PreflightFixture implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::" + LocalFis.DEFAULT_ACCOUNT + ":role/FisRole";
    static final String ALARM = "HighErrors";
    static final EngineConfig CONFIG = EngineConfig.builder()
            .fastPollInterval(Duration.ofMillis(10))
            .pollInterval(Duration.ofMillis(20))
            .maxCallsPerSecond(1_000)
            .maxAttempts(2)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(20))
            .owner("preflight-test")
            .build();

    final LocalFis local;
    final FisAsyncClient fis;
    final CloudWatchAsyncClient cloudWatch;
    final ScheduledExecutorService scheduler;
    final AwsCalls calls;
    final EngineContext context;
    private ScheduledFuture<?> pump;
    private IamStub iamStub;
    private IamAsyncClient iam;

    private PreflightFixture(LocalFis local, IamAsyncClient iam) {
        this.local = local;
        this.fis = SdkClients.fis(local);
        this.cloudWatch = SdkClients.cloudWatch(local);
        this.scheduler = Executors.newScheduledThreadPool(2);
        this.calls = new AwsCalls(CONFIG, scheduler);
        this.context = new EngineContext(fis, cloudWatch, iam, calls, new CloudWatchMetricSource(cloudWatch, calls),
                Validator.standard(), CONFIG, local.clock(), scheduler);
    }

    /**
     * A LocalFis with ten worker instances and the alarm {@value #ALARM} in OK.
     *
     * @param clock the simulated clock
     * @param iam the IAM client, or null
     * @param more more setup of the LocalFis
     * @return the fixture
     */
    static PreflightFixture start(Clock clock, IamAsyncClient iam, UnaryOperator<LocalFis.Builder> more) {
        LocalFis.Builder b = LocalFis.builder().clock(clock).seed(7)
                .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                .alarms(a -> a.create(ALARM));
        return new PreflightFixture(more.apply(b).start(), iam);
    }

    static PreflightFixture start(Clock clock) {
        return start(clock, null, b -> b);
    }

    /** The compute-node-loss experiment: 20 % of the instances tagged Role=role, stopped and restarted. */
    ExperimentDraft nodeLoss(String role) {
        return experiment("node-loss")
                .description("Stop 20% of the workers for five minutes")
                .role(ROLE)
                .stopWhen(alarm(local.alarms().arnOf(ALARM)))
                .action("stop-workers", Ec2.stopInstances(ec2Instances().named("Workers").tagged("Role", role)
                        .running().percent(20)).restartAfter(Duration.ofMinutes(5)));
    }

    /** Moves a manual clock on by a second every two milliseconds of wall time, until {@link #close()}. */
    void pump(ManualClock clock) {
        pump = scheduler.scheduleAtFixedRate(() -> clock.advance(Duration.ofSeconds(1)), 2, 2, TimeUnit.MILLISECONDS);
    }

    void stopPump() {
        if (pump != null) {
            pump.cancel(false);
        }
    }

    List<ExperimentTemplateSummary> templates() {
        return fis.listExperimentTemplates(b -> b.maxResults(100)).join().experimentTemplates();
    }

    List<ExperimentSummary> experiments() {
        return fis.listExperiments(b -> b.maxResults(100)).join().experiments();
    }

    /**
     * The fixture the preflight tests start from: IAM answered by a fresh {@link IamStub} (closed with the
     * fixture), and App/Errors at 1 a minute for the ten minutes either side of {@link Clocks#EPOCH}.
     */
    static PreflightFixture withIamStub(Clock clock) throws IOException {
        IamStub stub = new IamStub();
        IamAsyncClient client = stub.client();
        PreflightFixture fx = start(clock, client, b -> b);
        fx.iamStub = stub;
        fx.iam = client;
        double[] steady = new double[20];
        Arrays.fill(steady, 1);
        fx.local.alarms().putMetricSeries(MetricId.of("App", "Errors"), Clocks.EPOCH.minus(Duration.ofMinutes(10)),
                Duration.ofMinutes(1), steady);
        return fx;
    }

    /** The IAM stub made by {@link #withIamStub}; null otherwise. */
    IamStub iamStub() {
        return iamStub;
    }

    /** The client of the IAM stub made by {@link #withIamStub}; null otherwise. */
    IamAsyncClient iam() {
        return iam;
    }

    @Override
    public void close() {
        stopPump();
        scheduler.shutdownNow();
        fis.close();
        cloudWatch.close();
        local.close();
        if (iam != null) {
            iam.close();
            iamStub.close();
        }
    }
}
