package dev.faultline.cli;

import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.testkit.Clocks;
import dev.faultline.testkit.Faults;
import dev.faultline.testkit.LocalFis;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline local-fis}: runs LocalFis as a standalone server for any FIS client (the AWS
 * CLI, an SDK) until interrupted.
 *
 * <pre>{@code
 * faultline local-fis --port 4599 --inventory fleet.json --speed 1200
 * aws fis list-actions --endpoint-url http://127.0.0.1:4599 --region us-east-1
 * faultline local-fis --throttle-rate 0.2 --lose-response-rate 0.05 --latency PT0.1S --seed 7
 * }</pre>
 */
@Command(name = "local-fis", mixinStandardHelpOptions = true,
        description = "Run LocalFis, an emulator of the FIS API and CloudWatch alarms, on 127.0.0.1 until interrupted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:stopped by an interrupt", "2:usage error, the inventory cannot be read, or the port is taken"})
final class LocalFisCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "The port; 0 (default) for a free one.")
    int port;

    @Option(names = "--inventory", paramLabel = "FILE",
            description = "Simulated resources: {\"resources\":[{\"type\",\"id\",\"arn\",\"tags\",\"attributes\"}]}.")
    Path inventory;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
            description = "Simulated seconds per wall-clock second (1200 = one minute per 50 ms). Default: ${DEFAULT-VALUE}.")
    long speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of ids, random target selection and the injected faults. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--latency", paramLabel = "DURATION",
            description = "Wall-clock delay before every answer (ISO-8601, e.g. PT0.2S). Default: none.")
    String latency;

    @Option(names = "--throttle-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share (0 to 1) of requests answered 429 ThrottlingException, unhandled. Default: ${DEFAULT-VALUE}.")
    double throttleRate;

    @Option(names = "--reset-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share (0 to 1) of connections reset before the request is handled. Default: ${DEFAULT-VALUE}.")
    double resetRate;

    @Option(names = "--lose-response-rate", paramLabel = "RATE", defaultValue = "0",
            description = "Share (0 to 1) of requests handled whose answer is then lost (connection closed)."
                    + " Default: ${DEFAULT-VALUE}.")
    double loseResponseRate;

    @Option(names = "--account", paramLabel = "ID", defaultValue = LocalFis.DEFAULT_ACCOUNT,
            description = "Account id in ARNs. Default: ${DEFAULT-VALUE}.")
    String account;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = LocalFis.DEFAULT_REGION,
            description = "Region in ARNs. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--role-for", paramLabel = "TEMPLATE",
            description = "Give LocalFis's IAM the template's role with the policies `faultline iam` derives, so the"
                    + " permissions preflight of `faultline run` can check it (repeatable).")
    List<Path> roleFor = List.of();

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (speed < 1) {
            err.println("--speed must be at least 1.");
            return Faultline.USAGE;
        }
        Faults faults;
        try {
            Faults.Builder f = Faults.builder().seed(seed).throttling(throttleRate).connectionResets(resetRate)
                    .resetsAfterApply(loseResponseRate);
            if (latency != null) {
                f.latency(FisDuration.parse(latency));
            }
            faults = f.build();
        } catch (java.time.format.DateTimeParseException e) {
            err.println("--latency " + latency + " is not an ISO-8601 duration such as PT0.2S.");
            return Faultline.USAGE;
        } catch (IllegalArgumentException e) {
            err.println("Fault options: " + e.getMessage() + " (--throttle-rate, --reset-rate and --lose-response-rate"
                    + " are shares from 0 to 1 that add up to at most 1; --latency is not negative)");
            return Faultline.USAGE;
        }
        Clock clock = Clocks.scaled(Duration.ofSeconds(speed), Duration.ofSeconds(1));
        LocalFis fis;
        try {
            Catalog actions = catalog.catalog();
            LocalFis.Builder b = LocalFis.builder().port(port).clock(clock).seed(seed).account(account).region(region)
                    .faults(faults).catalog(actions);
            if (inventory != null) {
                b.inventory(inv -> inv.load(inventory));
            }
            List<Experiment> roles = new ArrayList<>();
            for (Path template : roleFor) {
                Checked checked = Checked.read(template, Validator.standard().withCatalog(actions), err);
                if (checked.experiment().isEmpty()) {
                    err.flush();
                    return checked.exitCode();
                }
                roles.add(checked.experiment().get());
            }
            LocalFis started = b.start();
            try {
                roles.forEach(e -> LocalRoles.grant(started, e, actions));
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            fis = started;
        } catch (RuntimeException e) {
            err.println("LocalFis could not start: " + e.getMessage());
            return Faultline.USAGE;
        }
        out.println("LocalFis listening on " + fis.endpoint() + " (account " + account + ", " + region + ", "
                + fis.inventory().resources().size() + " resources, speed x" + speed + ")");
        if (faults.any()) {
            out.println("Injecting faults: " + faults);
        }
        out.println("Point clients at it: aws fis list-experiment-templates --endpoint-url " + fis.endpoint()
                + " --region " + region);
        out.flush();
        UntilInterrupted.serve(fis, "local-fis-shutdown");
        return Faultline.OK;
    }
}
