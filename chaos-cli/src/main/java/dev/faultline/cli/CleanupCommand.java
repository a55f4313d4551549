package dev.faultline.cli;

import dev.faultline.aws.engine.CleanupReport;
import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.catalog.FisDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code faultline cleanup}: deletes the experiment templates Faultline left behind in FIS
 * (tagged {@code faultline:owner}, run and preview templates alike) that are older than
 * {@code --older-than} and that no experiment still going uses.
 *
 * <pre>{@code
 * faultline cleanup --profile chaos --older-than PT24H --dry-run
 * }</pre>
 */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Delete the experiment templates Faultline created that no active experiment uses.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (or, with --dry-run, listed)", "1:some templates could not be deleted",
                "2:usage error, or the service could not be reached"})
final class CleanupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true)
    RunCommand.Where where;

    @Option(names = "--region", description = "The AWS Region (default: from the environment or profile).")
    String region;

    @Option(names = "--older-than", paramLabel = "DURATION", defaultValue = "PT24H",
            description = "Only templates created longer ago (ISO-8601). Default: ${DEFAULT-VALUE}.")
    String olderThan;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    @Option(names = "--owner", paramLabel = "NAME", defaultValue = "faultline",
            description = "The faultline:owner tag value of the templates to consider. Default: ${DEFAULT-VALUE}.")
    String owner;

    /** The clients' credentials; null for the profile's or the default chain's (a test gives static ones). */
    AwsCredentialsProvider credentials;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration age;
        try {
            age = FisDuration.parse(olderThan);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("faultline cleanup: --older-than " + olderThan + " is not an ISO-8601 duration such as PT24H");
            return Faultline.USAGE;
        }
        if (age.isNegative()) {
            err.println("faultline cleanup: --older-than " + olderThan + " must not be negative");
            return Faultline.USAGE;
        }
        if (owner.isBlank()) {
            err.println("faultline cleanup: --owner must not be blank");
            return Faultline.USAGE;
        }
        try (AwsClients clients = new AwsClients(where == null ? null : where.endpoint,
                        where == null ? null : where.profile, region, credentials);
                FisEngine engine = FisEngine.builder().fis(clients.fis()).cloudWatch(clients.cloudWatch())
                        .config(EngineConfig.builder().owner(owner).stopOnShutdown(false).build()).build()) {
            CleanupReport report = engine.cleanup(age, dryRun).join();
            String verb = dryRun ? "Would delete " : "Deleted ";
            report.deleted().forEach(t -> w.println(verb + t));
            report.kept().forEach(t -> w.println("Kept " + t));
            report.failed().forEach(t -> w.println("Could not delete " + t));
            w.println((dryRun ? "Dry run: " : "") + report.deleted().size() + (dryRun ? " to delete, " : " deleted, ")
                    + report.kept().size() + " kept, " + report.failed().size() + " failed");
            w.flush();
            return report.failed().isEmpty() ? Faultline.OK : Faultline.FOUND_ERRORS;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("faultline cleanup: " + cause.getMessage());
            err.flush();
            return Faultline.USAGE;
        } catch (FaultlineException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println("faultline cleanup: " + e.getMessage());
            err.flush();
            return Faultline.USAGE;
        }
    }
}
