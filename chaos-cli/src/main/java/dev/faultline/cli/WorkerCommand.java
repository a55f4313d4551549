package dev.faultline.cli;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.validation.Validator;
import dev.faultline.temporal.Connection;
import dev.faultline.temporal.FaultlineWorker;
import dev.faultline.temporal.RunRecorder;
import dev.faultline.temporal.TargetClients;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code faultline worker}: a Temporal worker for Faultline's runs and campaigns, with the FIS
 * and CloudWatch clients {@code faultline run} would use, until interrupted.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Run a Temporal worker for Faultline's durable runs and campaigns until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by an interrupt", "2:usage error"})
final class WorkerCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Mixin
    TemporalOptions temporal;

    @ArgGroup(exclusive = true)
    RunCommand.Where where;

    @Option(names = "--region", description = "The AWS Region (default: from the environment or profile).")
    String region;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "A safety policy every run is checked against: sandbox, staging, production or a JSON file.")
    String policy;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "faultline-reports",
            description = "Where run reports are written (default: ${DEFAULT-VALUE}/EXPERIMENT-ID).")
    Path out;

    @Option(names = "--journal", paramLabel = "URL",
            description = "Journal every run, once however often its activities are retried or its worker replaced:"
                    + " file:DIR, jdbc:sqlite:FILE or jdbc:postgresql://... ('faultline history' reads it).")
    String journalUrl;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Validator> validator = Templates.validator(policy, catalog, "worker", err);
        if (validator.isEmpty()) {
            return Faultline.USAGE;
        }
        Connection connection;
        try {
            connection = temporal.connect();
        } catch (IllegalArgumentException e) {
            err.println("faultline worker: " + e.getMessage());
            return Faultline.USAGE;
        }
        RunJournal journal;
        try {
            journal = journalUrl == null ? null : Journals.open(journalUrl);
        } catch (IllegalArgumentException | FaultlineException e) {
            connection.close();
            err.println("faultline worker: " + e.getMessage());
            return Faultline.USAGE;
        }
        URI endpoint = where == null ? null : where.endpoint;
        FaultlineWorker.Builder builder = FaultlineWorker.builder();
        if (journal != null) {
            builder.recorder(RunRecorder.journal(journal, "faultline worker"));
        }
        try (connection;
                journal;
                AwsClients clients = new AwsClients(endpoint, where == null ? null : where.profile, region);
                FaultlineWorker worker = builder.client(connection.client())
                        .clients(TargetClients.of(clients.fis(), clients.cloudWatch()))
                        .taskQueue(temporal.taskQueue).validator(validator.get()).reports(out).build()) {
            worker.start();
            w.println("Faultline worker on " + temporal.target + " namespace " + connection.namespace()
                    + " task queue " + worker.taskQueue() + (endpoint == null ? "" : ", FIS at " + endpoint));
            w.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "faultline-worker-shutdown"));
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Faultline.OK;
    }
}
