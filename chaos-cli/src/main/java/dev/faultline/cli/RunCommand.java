package dev.faultline.cli;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.aws.engine.FisEngineBuilder;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.validation.Validator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code faultline run FILE}: validates, checks and starts an experiment in FIS (or any
 * endpoint that speaks its API, such as LocalFis), and with {@code --wait} follows it to the
 * end, prints its events and verdict and writes its report. The exit code comes from the
 * outcome.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Validate, check and start an experiment; with --wait, follow it to the end and write its report.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:started (without --wait), or completed with its hypothesis not refuted",
                "1:refused (validation or preflight), or ended stopped, failed, cancelled or refuted",
                "2:usage error, unreadable template, or the service could not be reached"})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Parameters(paramLabel = "FILE", description = "A template file: FIS JSON or YAML (with optional name and hypothesis), or CloudFormation JSON"
                    + " or YAML (FILE#LogicalId for one resource).")
    Path file;

    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--region", description = "The AWS Region (default: from the environment or profile;"
            + " us-east-1 with --endpoint).")
    String region;

    @Option(names = "--policy", paramLabel = "POLICY",
            description = "A safety policy: sandbox, staging, production or a JSON file (default: none).")
    String policy;

    @Option(names = "--wait", description = "Follow the run to its end, print its events and verdict, write its report.")
    boolean waitForEnd;

    @Option(names = "--no-preview", negatable = false, description = "Skip the skip-all target preview before the start.")
    boolean noPreview;

    @Option(names = "--observe-only", description = "Record a steady-state breach instead of stopping the experiment.")
    boolean observeOnly;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop the run if it lasts longer (ISO-8601, e.g. PT30M; default: the plan's duration + 5 minutes).")
    String timeout;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "faultline-reports",
            description = "Where the report is written with --wait (default: ${DEFAULT-VALUE}/EXPERIMENT-ID).")
    Path out;

    @Option(names = "--journal", paramLabel = "URL",
            description = "Record the run in a journal: file:DIR, jdbc:sqlite:FILE or jdbc:postgresql://... (default: none).")
    String journalUrl;
    @Option(names = "--junit", paramLabel = "FILE",
            description = "With --wait, also write a JUnit XML report: one test case per hypothesis condition and one"
                    + " for the end state, so CI shows a refuted hypothesis as a failed test.")
    Path junit;
    @Option(names = "--progress-every", paramLabel = "DURATION", defaultValue = "PT30S",
            description = "With --wait, print a progress line (elapsed, state, actions running) after this long"
                    + " without output (ISO-8601; default: ${DEFAULT-VALUE}).")
    String progressEvery;

    /**
     * The engine's clock: the system clock; a test shares a manual clock with LocalFis and moves it itself.
     */
    Clock clock = Clock.systemUTC();

    /** Changes a test makes to the engine's settings after the command's own (shorter poll intervals); none. */
    Consumer<EngineConfig.Builder> tuning = settings -> { };

    /** The clients' credentials; null for the profile's or the default chain's (a test gives static ones). */
    AwsCredentialsProvider credentials;

    /** The Region of clients for an {@code --endpoint} given without {@code --region}. */
    static final String DEFAULT_ENDPOINT_REGION = "us-east-1";

    /** An error in one line: the SDK's region-provider chain becomes a request for {@code --region}. */
    static String oneLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load region")) {
            return "no AWS Region: give --region REGION, or set AWS_REGION or a profile's region.";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** Where the service is: an endpoint or a profile. */
    static final class Where {
        @Option(names = "--endpoint", paramLabel = "URL", description = "The FIS and CloudWatch endpoint, e.g. LocalFis's.")
        URI endpoint;

        @Option(names = "--profile", paramLabel = "NAME", description = "A named AWS profile.")
        String profile;
    }

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Validator> validator = Templates.validator(policy, catalog, "run", err);
        if (validator.isEmpty()) {
            return Faultline.USAGE;
        }
        if (junit != null && !waitForEnd) {
            err.println("faultline run: --junit needs --wait (the report is written at the run's end)");
            err.flush();
            return Faultline.USAGE;
        }
        Checked checked = Checked.read(file, validator.get(), err);
        if (checked.experiment().isEmpty()) {
            return checked.exitCode();
        }
        Duration progress;
        try {
            progress = FisDuration.parse(progressEvery);
        } catch (java.time.format.DateTimeParseException e) {
            err.println("faultline run: --progress-every " + progressEvery + " is not an ISO-8601 duration such as PT30S");
            return Faultline.USAGE;
        }
        if (progress.isNegative() || progress.isZero()) {
            err.println("faultline run: --progress-every must be positive, was " + progressEvery);
            return Faultline.USAGE;
        }
        RunOptions.Builder options = RunOptions.builder().preview(!noPreview).observeOnly(observeOnly);
        if (timeout != null) {
            try {
                options.timeout(FisDuration.parse(timeout));
            } catch (java.time.format.DateTimeParseException e) {
                err.println("faultline run: --timeout " + timeout + " is not an ISO-8601 duration such as PT30M");
                return Faultline.USAGE;
            }
        }
        String inRegion = region;
        if (inRegion == null && where != null && where.endpoint != null) {
            inRegion = DEFAULT_ENDPOINT_REGION;
            err.println("faultline run: --endpoint without --region: using " + inRegion + " (--region changes it).");
        }
        RunJournal opened;
        try {
            opened = journalUrl == null ? null : Journals.open(journalUrl);
        } catch (IllegalArgumentException | FaultlineException e) {
            err.println("faultline run: " + e.getMessage());
            return Faultline.USAGE;
        }
        FisEngineBuilder builder = FisEngine.builder();
        if (opened != null) {
            builder.journal(opened);
        }
        EngineConfig.Builder settings = EngineConfig.builder();
        settings.stopOnShutdown(waitForEnd);
        tuning.accept(settings);
        try (RunJournal journal = opened;
                AwsClients clients = new AwsClients(where == null ? null : where.endpoint,
                        where == null ? null : where.profile, inRegion, credentials);
                FisEngine engine = builder.fis(clients.fis()).cloudWatch(clients.cloudWatch()).iam(clients.iam())
                        .validator(validator.get()).clock(clock).config(settings.build()).build()) {
            ExperimentRun run = engine.start(checked.experiment().get(), options.build()).join();
            String started = "Started experiment " + run.experimentId()
                    + run.templateId().map(t -> " (template " + t + ")").orElse("");
            if (!waitForEnd) {
                w.println(started);
                w.println("Not waiting (add --wait to follow it); it keeps running in FIS.");
                w.flush();
                return Faultline.OK;
            }
            RunOutcome outcome = new RunFollower(w, run, out.resolve(run.experimentId()), progress, (done, files) -> {
                Reports.journal(journal, engine, run, files);
                if (junit != null) {
                    Reports.writeJUnit(w, run.experiment(), done, junit);
                }
            }).follow(started);
            return outcome.succeeded() ? Faultline.OK : Faultline.FOUND_ERRORS;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("faultline run: " + cause.getMessage());
            err.flush();
            return cause instanceof RunRefusedException ? Faultline.FOUND_ERRORS : Faultline.USAGE;
        } catch (FaultlineException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println("faultline run: " + oneLine(e));
            err.flush();
            return Faultline.USAGE;
        }
    }
}
