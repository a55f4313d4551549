package dev.faultline.aws.engine;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.journal.FileRunJournal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;

/**
 * The one controller main the forked-JVM engine tests run (through {@link ForkedChild}): it
 * builds a FisEngine, with its JVM shutdown hook and a 20 s grace period, against an endpoint,
 * then starts or attaches to a run, prints what it did and sleeps until it is terminated.
 *
 * <p>Arguments are {@code key=value} settings:
 * <ul>
 *   <li>{@code endpoint} (required): LocalFis, or a proxy in front of it;
 *   <li>{@code alarm} (required): the ARN of the node-loss run's stop condition;
 *   <li>{@code calls}: AWS calls per second (500);
 *   <li>{@code pollMillis}: the poll interval, the fast one is half of it (50);
 *   <li>{@code minutes}: how long the stopped instances stay stopped (30);
 *   <li>{@code journal}: a directory for a file journal (none);
 *   <li>{@code preview}: {@code true} to run the target preview before the start ({@code false});
 *   <li>{@code mode}: {@code start} (print {@code STARTING}, start compute node loss on the
 *       {@code Worker} instances, print {@code STARTED <experimentId>}) or
 *       {@code attach:<experimentId>} (attach, print {@code ATTACHED <experimentId>}).
 * </ul>
 * A new setting is one more key here: the tests share this main rather than each writing its own.
 */
public final class ForkedController {

    private ForkedController() {}

    /**
     * Runs the controller.
     *
     * @param args the settings, {@code key=value}
     * @throws InterruptedException never in practice: the JVM is terminated while it sleeps
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> settings = settings(args);
        URI endpoint = URI.create(required(settings, "endpoint"));
        String alarm = required(settings, "alarm");
        long poll = Long.parseLong(settings.getOrDefault("pollMillis", "50"));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                "test"));
        FisAsyncClient fis = FisAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
        CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(credentials).build();
        FisEngineBuilder builder = FisEngine.builder().fis(fis).cloudWatch(cloudWatch)
                .config(EngineConfig.builder().pollInterval(Duration.ofMillis(poll))
                        .fastPollInterval(Duration.ofMillis(Math.max(1, poll / 2)))
                        .maxCallsPerSecond(Double.parseDouble(settings.getOrDefault("calls", "500")))
                        .initialBackoff(Duration.ofMillis(50)).shutdownWait(Duration.ofSeconds(20)).build());
        if (settings.containsKey("journal")) {
            builder.journal(FileRunJournal.open(Path.of(settings.get("journal"))));
        }
        FisEngine engine = builder.build();
        String mode = settings.getOrDefault("mode", "start");
        if (mode.startsWith("attach:")) {
            ExperimentRun run = engine.attach(mode.substring("attach:".length())).join();
            System.out.println("ATTACHED " + run.experimentId());
        } else {
            System.out.println("STARTING");
            System.out.flush();
            Duration minutes = Duration.ofMinutes(Long.parseLong(settings.getOrDefault("minutes", "30")));
            ExperimentRun run = engine.start(EngineFixture.nodeLossDraft(alarm, "Worker", minutes).build(),
                    RunOptions.builder().preview(Boolean.parseBoolean(settings.getOrDefault("preview", "false")))
                            .build()).join();
            System.out.println("STARTED " + run.experimentId());
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    private static Map<String, String> settings(String[] args) {
        Map<String, String> settings = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("A setting is key=value, was: " + arg);
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return settings;
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("The setting " + key + "=… is required");
        }
        return value;
    }
}
