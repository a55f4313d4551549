package dev.faultline.cli;

import static dev.faultline.dsl.Chaos.alarm;
import static dev.faultline.dsl.Chaos.experiment;
import static dev.faultline.dsl.Chaos.steadyState;

import dev.faultline.aws.IamPolicies;
import dev.faultline.aws.engine.EngineConfig;
import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.catalog.Catalog;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOptions;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.policy.SafetyPolicy;
import dev.faultline.core.validation.Validator;
import dev.faultline.dsl.Scenarios;
import dev.faultline.testkit.SdkClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.iam.IamAsyncClient;

/**
 * {@code faultline demo}: runs the compute-node-loss experiment twice against an in-process
 * LocalFis with a simulated fleet, printing the plan, the blast radius, the IAM policy, the
 * preflight checks, the live lifecycle, the verdict and the report's path. In the first run
 * the service holds; in the second a traffic surge makes the 5xx alarm fire mid-run and FIS
 * stops the experiment. {@code --speed} sets how fast simulated time runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the compute-node-loss experiment twice against an in-process LocalFis with a simulated"
                + " fleet (simulated time runs --speed times faster): once where the service holds, once where the"
                + " stop-condition alarm fires mid-run.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:both runs ended as expected (completed and held; stopped by the alarm)",
                "1:a run ended otherwise (--durable: not completed and held, or not exactly one experiment)"})
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "faultline-reports",
            description = "Where the run reports are written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--journal", paramLabel = "URL",
            description = "Record both runs in a journal: file:DIR, jdbc:sqlite:FILE or jdbc:postgresql://..."
                    + " (default: jdbc:sqlite:OUT/journal.db, which 'faultline history' reads).")
    String journalUrl;
    @Option(names = "--speed", paramLabel = "N", defaultValue = "" + DemoWorld.DEFAULT_SPEED,
            description = "Simulated seconds per real second, 1 to " + DemoWorld.MAX_SPEED + " (default:"
                    + " ${DEFAULT-VALUE}); lower is slower and leaves more room on a busy machine.")
    int speed;

    @Option(names = "--durable", description = "Run the experiment as a Temporal workflow on the embedded Temporal"
            + " server, kill the worker mid-run and let a new one finish it; passes with one experiment started.")
    boolean durable;

    @CommandLine.Mixin
    CatalogOption catalog = new CatalogOption();

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        if (speed < 1 || speed > DemoWorld.MAX_SPEED) {
            spec.commandLine().getErr().println("faultline demo: --speed must be 1 to " + DemoWorld.MAX_SPEED
                    + ", was " + speed);
            return Faultline.USAGE;
        }
        if (durable) {
            return DurableDemo.run(w, out);
        }
        RunJournal opened;
        Catalog actions;
        try {
            actions = catalog.catalog();
            opened = Journals.open(journalUrl != null ? journalUrl : "jdbc:sqlite:" + out.resolve("journal.db"));
        } catch (IllegalArgumentException | FaultlineException e) {
            spec.commandLine().getErr().println("faultline demo: " + e.getMessage());
            return Faultline.USAGE;
        }
        try (RunJournal journal = opened;
                DemoWorld world = new DemoWorld(speed, actions);
                FisAsyncClient fis = SdkClients.fis(world.fis());
                CloudWatchAsyncClient cloudWatch = SdkClients.cloudWatch(world.fis());
                IamAsyncClient iam = SdkClients.iam(world.fis());
                FisEngine engine = FisEngine.builder().fis(fis).cloudWatch(cloudWatch).iam(iam)
                        .validator(Validator.standard().withCatalog(actions))
                        .policy(SafetyPolicy.staging()).clock(world.fis().clock()).config(config())
                        .journal(journal).build()) {
            Experiment experiment = nodeLoss(world);
            // the role holds exactly the policy printed below, so the permissions preflight passes
            LocalRoles.grant(world.fis(), experiment, actions);
            introduce(w, world, experiment, actions);
            RunOutcome first = run(w, engine, journal, world, experiment, RunOptions.defaults(),
                    "Run 1: normal traffic", out.resolve("run-1"));
            world.surgeAfter(Duration.ofMinutes(2));
            RunOutcome second = run(w, engine, journal, world, experiment, RunOptions.builder().observeOnly(true).build(),
                    "Run 2: a traffic surge two minutes in, the hypothesis only observed: the 5xx alarm must stop it",
                    out.resolve("run-2"));
            boolean asExpected = first.state() == RunState.COMPLETED
                    && first.verdict().map(v -> v.verdict() == Verdict.HELD).orElse(false)
                    && second.state() == RunState.STOPPED && second.stopSource().isEmpty()
                    && second.verdict().map(v -> v.verdict() == Verdict.REFUTED).orElse(false);
            w.println();
            w.println(asExpected
                    ? "Both runs ended as expected: the fleet survives losing 20% of its workers under normal traffic,"
                            + " not during a surge, and the alarm stopped the experiment before more harm was done."
                    : "A run did not end as expected: run 1 " + first + ", run 2 " + second + ".");
            w.flush();
            return asExpected ? Faultline.OK : Faultline.FOUND_ERRORS;
        }
    }

    static EngineConfig config() {
        return EngineConfig.builder()
                .pollInterval(Duration.ofMillis(250))
                .fastPollInterval(Duration.ofMillis(100))
                .fastPollWindow(Duration.ofSeconds(30))
                .maxCallsPerSecond(100)
                .initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(1))
                .owner("faultline-demo")
                .build();
    }

    static Experiment nodeLoss(DemoWorld world) {
        return nodeLoss(world, Duration.ofMinutes(5));
    }

    /** The demo's experiment with the workers lost for a while (simulated time) before they are restarted. */
    static Experiment nodeLoss(DemoWorld world, Duration lossFor) {
        return Scenarios.computeNodeLoss(
                experiment("checkout-worker-node-loss")
                        .role(world.roleArn())
                        .stopWhen(alarm(world.alarmArn()))
                        .tag("Owner", "checkout-team")
                        .tag("Environment", "demo")
                        .hypothesis("The checkout error rate stays under 1 %",
                                steadyState("checkout error rate")
                                        .metric(DemoWorld.NAMESPACE, DemoWorld.ERROR_RATE)
                                        .dimension("Service", DemoWorld.SERVICE)
                                        .average().per(Duration.ofMinutes(1)).below(1.0))
                        .recoveryWindow(Duration.ofMinutes(2)),
                DemoWorld.ROLE_TAG, DemoWorld.ROLE, 20, lossFor).build();
    }

    private static void introduce(PrintWriter w, DemoWorld world, Experiment experiment, Catalog actions) {
        w.println("Faultline demo: compute node loss against LocalFis " + world.fis().endpoint()
                + " (simulated time runs " + world.speed() + " times faster)");
        w.println("Fleet: " + world.runningWorkers() + " running instances tagged " + DemoWorld.ROLE_TAG + "="
                + DemoWorld.ROLE + "; alarm " + DemoWorld.ALARM + " on the load balancer's 5xx count.");
        section(w, "The experiment, written with the DSL");
        w.println(experiment);
        section(w, "Plan and blast radius");
        w.println(ExperimentPlan.of(experiment).render());
        section(w, "IAM policy the experiment role needs");
        w.println(IamPolicies.of(experiment).withCatalog(actions).inRegion(world.fis().region()).permissionsPolicy().toJson());
        w.flush();
    }

    private static RunOutcome run(PrintWriter w, FisEngine engine, RunJournal journal, DemoWorld world, Experiment experiment,
            RunOptions options, String title, Path reportDir) {
        section(w, title);
        Preflight preflight = engine.preview(experiment).join();
        w.println(preflight);
        for (Map.Entry<String, List<String>> t : preflight.resolvedTargets().entrySet()) {
            w.println("  target " + t.getKey() + " resolves to " + t.getValue().size() + " of "
                    + world.runningWorkers() + " instances: " + String.join(", ", t.getValue()));
        }
        w.println("Live:");
        w.flush();
        EventPrinter printer = new EventPrinter(w, ExperimentPlan.of(experiment).totalDuration());
        // the targets were just previewed above; start re-checks alarms and steady state, not the preview
        ExperimentRun run = engine.start(experiment, RunOptions.builder().from(options).preview(false).build()).join();
        run.onEvent(printer);
        RunOutcome outcome = run.completion().join();
        world.calm();
        w.println("Outcome: " + outcome.state() + outcome.reason().map(r -> " (" + r + ")").orElse(""));
        outcome.verdict().ifPresent(v -> w.println("Verdict: " + v.verdict() + " - " + v.summary()));
        Reports.journal(journal, engine, run, Reports.write(w, experiment, preflight, outcome, reportDir));
        w.flush();
        return outcome;
    }

    private static void section(PrintWriter w, String title) {
        w.println();
        w.println("== " + title);
    }
}
