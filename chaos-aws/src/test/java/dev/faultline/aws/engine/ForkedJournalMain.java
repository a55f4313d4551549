package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.journal.FileRunJournal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * A journaled controller in its own JVM, for {@link FisEngineResumeTest}: builds a FisEngine
 * with the file journal in the directory given third, against the LocalFis endpoint given
 * first, starts node loss (stop condition: the alarm ARN given second), prints
 * {@code STARTED <experimentId>} and sleeps until it is killed.
 */
public final class ForkedJournalMain {

    private ForkedJournalMain() {}

    /**
     * Runs the controller.
     *
     * @param args the LocalFis endpoint, the alarm ARN, the journal directory
     * @throws InterruptedException never in practice: the JVM is killed while sleeping
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
                .journal(FileRunJournal.open(Path.of(args[2])))
                .config(EngineConfig.builder().pollInterval(Duration.ofMillis(50))
                        .fastPollInterval(Duration.ofMillis(20)).maxCallsPerSecond(500).build())
                .build();
        ExperimentRun run = engine.start(EngineFixture.nodeLossDraft(args[1], "Worker", Duration.ofMinutes(5)).build(),
                RunOptions.builder().preview(false).build()).join();
        System.out.println("STARTED " + run.experimentId());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
