package dev.faultline.aws.engine;

import static dev.faultline.aws.engine.EngineFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunState;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.LocalFis;
import dev.faultline.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * docs/engine.md: "no thread per run". A census of the JVM's threads (LocalFis's own server
 * threads left out) with {@value #SERVICES} runs in flight and then with five times as many:
 * the count does not grow with the runs. LocalFis allows five active experiments an account,
 * so there is one LocalFis and one engine per account, the SDK clients sharing one HTTP client
 * with a fixed event loop and one prestarted completion executor.
 */
@Timeout(180)
class FisEngineThreadCensusTest {

    private static final int SERVICES = 8;
    private static final int RUNS_EACH = 5;

    private final ManualClock clock = Clocks.manual();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    /** The live threads of this JVM that are not LocalFis's. */
    private static List<String> census() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> !name.startsWith("localfis-")).sorted().toList();
    }

    @Test
    void fiveTimesAsManyRuns_noMoreThreads() {
        SdkAsyncHttpClient http = NettyNioAsyncHttpClient.builder()
                .eventLoopGroup(SdkEventLoopGroup.builder().numberOfThreads(2).build()).build();
        closing.add(http);
        ThreadPoolExecutor completions = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        completions.prestartAllCoreThreads();
        closing.add(completions::shutdownNow);
        List<FisEngine> engines = new ArrayList<>();
        List<LocalFis> services = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            LocalFis local = LocalFis.builder().clock(clock).seed(i)
                    .inventory(inv -> inv.ec2Instances(10, "Role", "Worker"))
                    .alarms(a -> a.create(EngineFixture.ALARM)).start();
            closing.add(local);
            services.add(local);
            FisAsyncClient fis = client(FisAsyncClient.builder(), local, http, completions);
            CloudWatchAsyncClient cloudWatch = client(CloudWatchAsyncClient.builder(), local, http, completions);
            closing.add(fis);
            closing.add(cloudWatch);
            FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cloudWatch).clock(clock)
                    .config(EngineFixture.testConfig().pollInterval(Duration.ofMillis(100))
                            .fastPollInterval(Duration.ofMillis(50)).build()).build();
            closing.add(engine);
            engines.add(engine);
        }

        List<ExperimentRun> runs = new ArrayList<>();
        for (int i = 0; i < SERVICES; i++) {
            runs.add(start(engines.get(i), services.get(i)));
        }
        awaitRunning(runs);
        List<String> few = census();

        for (int round = 1; round < RUNS_EACH; round++) {
            for (int i = 0; i < SERVICES; i++) {
                runs.add(start(engines.get(i), services.get(i)));
            }
        }
        awaitRunning(runs);
        List<String> many = census();

        assertThat(runs).hasSize(SERVICES * RUNS_EACH);
        assertThat(many.size() - few.size())
                .as("threads with %d runs: %d; with %d runs: %d%nbefore: %s%nafter: %s", SERVICES, few.size(),
                        runs.size(), many.size(), few, many)
                .isLessThanOrEqualTo(2); // the shared event loop may start its second thread late
    }

    private ExperimentRun start(FisEngine engine, LocalFis on) {
        return engine.start(EngineFixture.nodeLossDraft(on, "Worker", Duration.ofMinutes(30)).build(),
                RunOptions.builder().preview(false).build()).join();
    }

    private void awaitRunning(List<ExperimentRun> runs) {
        clock.advance(Duration.ofSeconds(2));
        await(runs.size() + " runs RUNNING", () -> runs.stream().allMatch(r -> r.state() == RunState.RUNNING));
    }

    private static <B extends software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder<B, C>
            & software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>, C> C client(B builder,
            LocalFis local, SdkAsyncHttpClient http, ExecutorService completions) {
        return builder.httpClient(http).endpointOverride(local.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .asyncConfiguration(c -> c.advancedOption(SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR,
                        completions))
                .build();
    }
}
