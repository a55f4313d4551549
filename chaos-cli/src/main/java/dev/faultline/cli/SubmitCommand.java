package dev.faultline.cli;

import dev.faultline.core.json.TemplateJson;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.validation.Validator;
import dev.faultline.temporal.CampaignRequest;
import dev.faultline.temporal.CampaignResult;
import dev.faultline.temporal.Connection;
import dev.faultline.temporal.FaultlineClient;
import dev.faultline.temporal.RunRequest;
import dev.faultline.temporal.RunResult;
import dev.faultline.temporal.RunStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code faultline submit FILE…}: starts each experiment as a durable run on Temporal (or, with
 * {@code --campaign}, all of them as one campaign) and prints the workflow ids; {@code --wait}
 * follows them to the end.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Start experiments as durable runs on Temporal (or as one campaign with --campaign) and print"
                + " their workflow ids; with --wait, follow them to the end.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:submitted (without --wait), or every run completed with its hypothesis not refuted",
                "1:a template has an ERROR, or a run was refused, stopped, failed or refuted",
                "2:usage error, unreadable file, or Temporal could not be reached"})
final class SubmitCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    TemporalOptions temporal;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Template files (the --cli-input-json shape).")
    List<Path> files;

    @Option(names = "--campaign", paramLabel = "FILE",
            description = "Run the experiments as one campaign: targets, caps, ordering and stop policy from FILE.")
    Path campaign;

    @Option(names = "--wait", description = "Follow the runs to their end and print their outcome and verdict.")
    boolean waitForEnd;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "With --wait, also write a JUnit XML report: per run, one test case per hypothesis condition"
                    + " and one for the end state, as `faultline run --junit` writes it.")
    Path junit;

    @Option(names = "--observe-only", description = "Record a steady-state breach instead of stopping the experiment.")
    boolean observeOnly;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (junit != null && !waitForEnd) {
            err.println("faultline submit: --junit needs --wait (the report is written at the runs' end)");
            err.flush();
            return Faultline.USAGE;
        }
        List<RunRequest> runs = new ArrayList<>();
        for (Path file : files) {
            Checked checked = Checked.read(file, Validator.standard(), err);
            if (checked.experiment().isEmpty()) {
                return checked.exitCode();
            }
            Experiment e = checked.experiment().get();
            String name = e.name().orElse(file.getFileName().toString().replaceAll("\\.json$", ""));
            runs.add(RunRequest.of(name, TemplateJson.write(e)).withObserveOnly(observeOnly));
        }
        CampaignRequest request = null;
        if (campaign != null) {
            try {
                request = CampaignFile.read(campaign).over(runs);
            } catch (IllegalArgumentException e) {
                err.println("faultline submit: " + e.getMessage());
                return Faultline.USAGE;
            }
        }
        try (Connection connection = temporal.connect()) {
            FaultlineClient client = FaultlineClient.of(connection.client(), temporal.taskQueue);
            if (request != null) {
                String id = client.startCampaign(request);
                w.println("Started campaign " + id + " (" + request.runs().size() + " runs)");
                w.flush();
                return waitForEnd ? followCampaign(w, client, id, junit) : Faultline.OK;
            }
            List<String> ids = new ArrayList<>();
            for (RunRequest run : runs) {
                ids.add(client.startRun(run));
                w.println("Started run " + ids.get(ids.size() - 1));
            }
            w.flush();
            if (!waitForEnd) {
                return Faultline.OK;
            }
            int code = Faultline.OK;
            List<RunResult> results = new ArrayList<>();
            for (String id : ids) {
                RunResult r = followRun(w, client, id);
                if (r == null) {
                    code = Faultline.FOUND_ERRORS;
                } else {
                    results.add(r);
                    code = Math.max(code, r.succeeded() ? Faultline.OK : Faultline.FOUND_ERRORS);
                }
            }
            if (junit != null) {
                JUnitFiles.write(w, results, junit);
            }
            return code;
        } catch (IllegalArgumentException e) {
            err.println("faultline submit: " + e.getMessage());
            return Faultline.USAGE;
        } catch (io.temporal.client.WorkflowException | io.grpc.StatusRuntimeException e) {
            err.println("faultline submit: " + e.getMessage());
            return Faultline.USAGE;
        }
    }

    /** Prints the run's status as it changes, then its result; null when it ended without one. */
    static RunResult followRun(PrintWriter w, FaultlineClient client, String id) {
        CompletableFuture<RunResult> result = client.runResult(id);
        String last = "";
        while (true) {
            try {
                RunResult r = result.get(500, TimeUnit.MILLISECONDS);
                print(w, r);
                return r;
            } catch (TimeoutException e) {
                Optional<RunStatus> status = status(client, id);
                String line = status.map(s -> "  " + s.phase() + (s.state().isEmpty() ? "" : " " + s.state())
                        + (s.actions().isEmpty() ? "" : " " + s.actions())).orElse("");
                if (!line.isEmpty() && !line.equals(last)) {
                    w.println(line);
                    w.flush();
                    last = line;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                w.println("Interrupted while following run " + id + "; it goes on.");
                w.flush();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                w.println("Run " + id + " ended without a result: " + e.getCause().getMessage());
                w.flush();
                return null;
            }
        }
    }

    private static Optional<RunStatus> status(FaultlineClient client, String id) {
        try {
            return Optional.of(client.runStatus(id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int followCampaign(PrintWriter w, FaultlineClient client, String id, Path junit) {
        try {
            CampaignResult result = client.campaignResult(id).get();
            for (RunResult r : result.runs()) {
                print(w, r);
            }
            if (!result.stoppedBecause().isEmpty()) {
                w.println("Campaign stopped early: " + result.stoppedBecause());
            }
            if (junit != null) {
                JUnitFiles.write(w, result.runs(), junit);
            }
            w.flush();
            return result.succeeded() ? Faultline.OK : Faultline.FOUND_ERRORS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Faultline.USAGE;
        } catch (java.util.concurrent.ExecutionException e) {
            w.println("Campaign " + id + " ended without a result: " + e.getCause().getMessage());
            w.flush();
            return Faultline.FOUND_ERRORS;
        }
    }

    static void print(PrintWriter w, RunResult r) {
        w.println(r.name() + " [" + r.target().key() + "]: " + r.state()
                + (r.experimentId().isEmpty() ? "" : " " + r.experimentId())
                + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"));
        if (!r.verdict().isEmpty()) {
            w.println("  Verdict: " + r.verdict() + " - " + r.verdictSummary());
        }
        if (!r.stopReason().isEmpty()) {
            w.println("  Stopped: " + r.stopReason());
        }
        if (!r.report().isEmpty()) {
            w.println("  Report: " + r.report());
        }
        w.flush();
    }
}
