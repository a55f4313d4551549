package dev.faultline.aws.engine;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.dsl.Scenarios;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * A controller in its own JVM, for {@link FisEngineShutdownTest}: builds a FisEngine (with its
 * shutdown hook) against the LocalFis endpoint given as the first argument, starts a
 * compute-node-loss experiment whose stop condition is the alarm ARN given second, prints
 * {@code STARTED <experimentId>} and sleeps until it is killed.
 */
public final class ForkedEngineMain {

    private ForkedEngineMain() {}

    /**
     * Runs the controller.
     *
     * @param args the LocalFis endpoint and the alarm ARN
     * @throws InterruptedException never in practice: the JVM is terminated while sleeping
     */
    public static void main(String[] args) throws InterruptedException {
        URI endpoint = URI.create(args[0]);
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                "test"));
        FisAsyncClient fis = FisAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials).build();
        FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cloudWatch)
                .config(EngineConfig.builder().pollInterval(Duration.ofMillis(50))
                        .fastPollInterval(Duration.ofMillis(20)).maxCallsPerSecond(500)
                        .shutdownWait(Duration.ofSeconds(20)).build())
                .build();
        ExperimentRun run = engine.start(Scenarios.computeNodeLoss(experiment("forked").role(EngineFixture.ROLE)
                .stopWhen(alarm(args[1])), "Role", "Worker", 20, Duration.ofMinutes(30)).build(),
                RunOptions.builder().preview(false).build()).join();
        System.out.println("STARTED " + run.experimentId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
