package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * A controller in its own JVM, for {@link FisEngineShutdownGuardTest}. Arguments: the endpoint
 * (the test's proxy in front of LocalFis), the alarm ARN of the stop condition, the AWS calls per
 * second, and {@code start} (start a 30-minute compute-node-loss run, print
 * {@code STARTED <experimentId>}), {@code start-preview} (the same after the skip-all target
 * preview) or {@code attach:<experimentId>} (attach, print
 * {@code ATTACHED <experimentId>}). Then it sleeps until it is terminated; its engine's shutdown
 * hook has a 20 s grace period.
 */
public final class ForkedShutdownMain {

    private ForkedShutdownMain() {}

    /**
     * Runs the controller.
     *
     * @param args endpoint, alarm ARN, calls per second, mode
     * @throws InterruptedException never in practice: the JVM is terminated while it waits
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
                .config(EngineConfig.builder().pollInterval(Duration.ofMillis(200))
                        .fastPollInterval(Duration.ofMillis(100)).maxCallsPerSecond(Double.parseDouble(args[2]))
                        .initialBackoff(Duration.ofMillis(50)).shutdownWait(Duration.ofSeconds(20)).build())
                .build();
        String mode = args[3];
        if (mode.startsWith("attach:")) {
            ExperimentRun run = engine.attach(mode.substring("attach:".length())).join();
            System.out.println("ATTACHED " + run.experimentId());
        } else {
            System.out.println("STARTING");
            System.out.flush();
            ExperimentRun run = engine.start(EngineFixture.nodeLossDraft(args[1], "Worker", Duration.ofMinutes(30))
                    .build(), RunOptions.builder().preview(mode.equals("start-preview")).build()).join();
            System.out.println("STARTED " + run.experimentId());
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
