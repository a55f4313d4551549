package dev.faultline.cli;

import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunRefusedException;
import dev.faultline.core.plan.Durations;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.validation.Validator;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Parameters(paramLabel = "FILE", description = "A template file (the --cli-input-json shape, with optional name and hypothesis).")
    Path file;

    @ArgGroup(exclusive = true)
    Where where;

    @Option(names = "--region", description = "The AWS Region (default: from the environment or profile).")
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
        Checked checked = Checked.read(file, validator.get(), err);
        if (checked.experiment().isEmpty()) {
            return checked.exitCode();
        }
        RunOptions.Builder options = RunOptions.builder().preview(!noPreview).observeOnly(observeOnly);
        if (timeout != null) {
            try {
                options.timeout(Durations.parse(timeout));
            } catch (java.time.format.DateTimeParseException e) {
                err.println("faultline run: --timeout " + timeout + " is not an ISO-8601 duration such as PT30M");
                return Faultline.USAGE;
            }
        }
        try (AwsClients clients = new AwsClients(where == null ? null : where.endpoint,
                        where == null ? null : where.profile, region);
                FisEngine engine = FisEngine.builder().fis(clients.fis()).cloudWatch(clients.cloudWatch())
                        .validator(validator.get())
                        .config(EngineConfig.builder().stopOnShutdown(waitForEnd).build()).build()) {
            ExperimentRun run = engine.start(checked.experiment().get(), options.build()).join();
            w.println("Started experiment " + run.experimentId() + run.templateId().map(t -> " (template " + t + ")").orElse(""));
            if (!waitForEnd) {
                w.println("Not waiting (add --wait to follow it); it keeps running in FIS.");
                w.flush();
                return Faultline.OK;
            }
            run.onEvent(new EventPrinter(w, ExperimentPlan.of(run.experiment()).totalDuration()));
            RunOutcome outcome = run.completion().join();
            w.println("Outcome: " + outcome.state() + outcome.reason().map(r -> " (" + r + ")").orElse(""));
            outcome.verdict().ifPresent(v -> w.println("Verdict: " + v.verdict() + " - " + v.summary()));
            Reports.write(w, run.experiment(), null, outcome, out.resolve(run.experimentId()));
            w.flush();
            return outcome.succeeded() ? Faultline.OK : Faultline.FOUND_ERRORS;
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            err.println("faultline run: " + cause.getMessage());
            err.flush();
            return cause instanceof RunRefusedException ? Faultline.FOUND_ERRORS : Faultline.USAGE;
        } catch (FaultlineException | software.amazon.awssdk.core.exception.SdkException e) {
            err.println("faultline run: " + e.getMessage());
            err.flush();
            return Faultline.USAGE;
        }
    }
}
