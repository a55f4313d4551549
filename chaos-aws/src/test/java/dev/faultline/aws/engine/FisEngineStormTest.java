package dev.faultline.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.Faults;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.SdkClients;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

/**
 * A throttling storm: 30 % of the answers throttled, 5 % of the connections reset before the
 * request is handled, and, after the request was handled, 10 % of the connections reset and 0.5 %
 * of the answers held back past the client's attempt timeout (3 s, generous for a loaded build
 * machine; each hold takes one of LocalFis's eight HTTP threads for 4 s, so a higher rate at
 * this poll rate would starve it); 20 runs at once. LocalFis allows 5
 * active experiments per account, so the runs are spread over four LocalFis "accounts" (one
 * engine each, all engines on one shared scheduler). Every run must end completed, and each
 * LocalFis must hold exactly one template and one experiment per run. The second test shows the
 * first can fail: an engine that sends a fresh client token on every attempt (a FIS client that
 * rewrites the token) leaves duplicates that the same check finds.
 */
@Timeout(180)
class FisEngineStormTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final int ACCOUNTS = 4;
    private static final int RUNS_PER_ACCOUNT = 5;

    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void throttlingStorm_everyRunEndsRight_andEachRunLeavesOneTemplateAndOneExperiment() {
        Storm storm = storm(false);

        for (CompletableFuture<RunOutcome> f : storm.outcomes) {
            RunOutcome outcome = f.join();
            assertThat(outcome.state()).as(outcome.toString()).isEqualTo(RunState.COMPLETED);
        }
        for (int a = 0; a < ACCOUNTS; a++) {
            // every attempt the engine counts reached LocalFis, and LocalFis saw no other request (so far)
            assertThat(storm.engines.get(a).callAttempts()).as("account %s: the engine's attempts", a)
                    .isEqualTo(storm.services.get(a).received().size());
            assertThat(duplicates(storm.services.get(a), storm.outcomesOf(a))).as("account %s", a).isEmpty();
        }
        assertThat(storm.failures.get()).as("calls the storm failed, each retried by the engine").isPositive();
        assertThat(storm.shared.isShutdown()).as("an injected scheduler is not shut down by close").isFalse();
        storm.engines.forEach(FisEngine::close);
        assertThat(storm.shared.isShutdown()).isFalse();
    }

    @Test
    void mutation_aFreshClientTokenOnEveryAttempt_leavesDuplicatesThatTheCheckFinds() {
        Storm storm = storm(true);

        List<String> found = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            found.addAll(duplicates(storm.services.get(a), storm.outcomesOf(a)));
        }
        assertThat(found).as("what the idempotency check reports against the mutant").isNotEmpty();
    }

    /** The storm's parts. */
    private record Storm(ScheduledExecutorService shared, List<LocalFis> services, List<FisEngine> engines,
            List<CompletableFuture<RunOutcome>> outcomes, AtomicInteger failures) {
        List<RunOutcome> outcomesOf(int account) {
            List<RunOutcome> mine = new ArrayList<>();
            for (int r = 0; r < RUNS_PER_ACCOUNT; r++) {
                mine.add(outcomes.get(account * RUNS_PER_ACCOUNT + r).join());
            }
            return mine;
        }
    }

    private Storm storm(boolean freshTokens) {
        ScheduledExecutorService shared = Executors.newScheduledThreadPool(2);
        closing.add(shared::shutdownNow);
        EngineConfig config = EngineFixture.testConfig()
                .pollInterval(Duration.ofMillis(100))
                .fastPollInterval(Duration.ofMillis(50))
                .fastPollWindow(Duration.ofSeconds(30))
                .maxAttempts(12)
                .maxBackoff(Duration.ofSeconds(1))
                .watchdogMargin(Duration.ofHours(10))
                .quotaRetryInterval(Duration.ofMinutes(1))
                .templateCleanup(TemplateCleanup.NEVER)
                .build();
        List<LocalFis> services = new ArrayList<>();
        List<FisEngine> engines = new ArrayList<>();
        List<CompletableFuture<RunOutcome>> outcomes = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (int a = 0; a < ACCOUNTS; a++) {
            Clock clock = Clocks.scaled(Duration.ofMinutes(1), Duration.ofMillis(100));
            LocalFis localFis = LocalFis.builder().clock(clock).seed(100 + a)
                    .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                    .alarms(al -> al.create(EngineFixture.ALARM))
                    .faults(Faults.builder().seed(a).throttling(0.3).connectionResets(0.05)
                            .resetsAfterApply(0.1).timeoutsAfterApply(0.005).hang(Duration.ofSeconds(4)).build())
                    .start();
            closing.add(localFis);
            services.add(localFis);
            // no SDK retries: the engine's own retry has to ride out the storm
            FisAsyncClient fis = FisAsyncClient.builder().endpointOverride(localFis.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                            .apiCallAttemptTimeout(Duration.ofSeconds(3))).build();
            CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder().endpointOverride(localFis.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                    .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                            .apiCallAttemptTimeout(Duration.ofSeconds(3))).build();
            closing.add(fis);
            closing.add(cloudWatch);
            FisAsyncClient client = countingFailures(freshTokens ? FreshTokens.wrap(fis) : fis, failures);
            FisEngine engine = FisEngine.builder().fis(client).cloudWatch(cloudWatch).config(config).clock(clock)
                    .scheduler(shared).build();
            closing.add(engine);
            engines.add(engine);
            Experiment experiment = nodeLoss(localFis);
            for (int r = 0; r < RUNS_PER_ACCOUNT; r++) {
                outcomes.add(engine.start(experiment, RunOptions.builder().preview(false).build())
                        .thenCompose(ExperimentRun::completion));
            }
        }
        try {
            CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw new AssertionError("a run of the storm failed", e);
        }
        return new Storm(shared, services, engines, outcomes, failures);
    }

    /** The client, counting the calls that fail (the engine sees each failure and retries it). */
    private static FisAsyncClient countingFailures(FisAsyncClient fis, AtomicInteger failures) {
        return (FisAsyncClient) Proxy.newProxyInstance(FisAsyncClient.class.getClassLoader(),
                new Class<?>[] {FisAsyncClient.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(fis, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof CompletableFuture) {
                        ((CompletableFuture<?>) result).whenComplete((r, e) -> {
                            if (e != null) {
                                failures.incrementAndGet();
                            }
                        });
                    }
                    return result;
                });
    }

    private static Experiment nodeLoss(LocalFis localFis) {
        return EngineFixture.nodeLossDraft(localFis, "Worker", Duration.ofMinutes(5)).build();
    }

    /**
     * What breaks "one template and one experiment per run" in one LocalFis: every template or
     * experiment beyond the runs' own, and every run tag seen more than once.
     */
    private static List<String> duplicates(LocalFis localFis, List<RunOutcome> outcomes) {
        localFis.faults(Faults.none());
        List<String> found = new ArrayList<>();
        try (FisAsyncClient clean = SdkClients.fis(localFis)) {
            Set<String> expectedTemplates = new HashSet<>();
            Set<String> expectedExperiments = new HashSet<>();
            for (RunOutcome o : outcomes) {
                expectedTemplates.add(o.templateId().orElseThrow());
                expectedExperiments.add(o.experimentId());
            }
            assertThat(expectedTemplates).hasSize(outcomes.size());
            for (ExperimentTemplateSummary t : clean.listExperimentTemplates(b -> b.maxResults(100)).join()
                    .experimentTemplates()) {
                if (!expectedTemplates.contains(t.id())) {
                    found.add("template " + t.id() + " of run " + t.tags().get(Launcher.RUN_TAG));
                }
            }
            Set<String> runTags = new HashSet<>();
            for (ExperimentSummary e : clean.listExperiments(b -> b.maxResults(100)).join().experiments()) {
                String run = e.tags().get(Launcher.RUN_TAG);
                if (!expectedExperiments.contains(e.id()) || run == null || !runTags.add(run)) {
                    found.add("experiment " + e.id() + " of run " + run);
                }
            }
        }
        return found;
    }
}
