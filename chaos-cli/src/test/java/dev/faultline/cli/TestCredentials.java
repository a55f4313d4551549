package dev.faultline.cli;

import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Static credentials for the commands that reach a service (LocalFis) in a test: set on the command objects,
 * so that no test sets the JVM-wide {@code aws.accessKeyId} and {@code aws.secretAccessKey} system properties.
 */
final class TestCredentials {

    /** Credentials LocalFis accepts. */
    static final AwsCredentialsProvider STATIC =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private TestCredentials() {}

    /** Gives the {@code run} and {@code cleanup} commands of a command line the static credentials. */
    static CommandLine given(CommandLine cli) {
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        run.credentials = STATIC;
        CleanupCommand cleanup = cli.getSubcommands().get("cleanup").getCommand();
        cleanup.credentials = STATIC;
        return cli;
    }
}
