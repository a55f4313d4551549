package dev.faultline.cli;

import dev.faultline.core.model.Experiment;
import dev.faultline.temporal.Connection;
import dev.faultline.temporal.DevServer;
import dev.faultline.temporal.FaultlineClient;
import dev.faultline.temporal.FaultlineWorker;
import dev.faultline.temporal.RunPhase;
import dev.faultline.temporal.RunRequest;
import dev.faultline.temporal.RunResult;
import dev.faultline.temporal.RunStatus;
import dev.faultline.temporal.TargetClients;
import dev.faultline.testkit.SdkClients;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.fis.FisAsyncClient;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;

/**
 * {@code faultline demo --durable}: the demo's experiment as an ExperimentWorkflow on the
 * embedded Temporal server and LocalFis; the worker is killed mid-run and a new one finishes
 * the run. Passes when the run completed, its hypothesis held, and LocalFis saw exactly one
 * experiment started.
 */
final class DurableDemo {

    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /**
     * How long the workers are lost (simulated: 30 real seconds): long past worker 2's take-over,
     * about ten seconds after the kill (a heartbeat timeout, then a retry interval), so worker 2 reads the
     * hypothesis while the experiment runs.
     */
    private static final Duration LOSS = Duration.ofMinutes(30);

    private DurableDemo() {}

    static int run(PrintWriter w, Path out) {
        try {
            return runDemo(w, out);
        } catch (IllegalStateException e) {
            w.println("Not as expected: " + e.getMessage());
            w.flush();
            return Faultline.FOUND_ERRORS;
        }
    }

    private static int runDemo(PrintWriter w, Path out) {
        try (DemoWorld world = new DemoWorld();
                FisAsyncClient fis = SdkClients.fis(world.fis());
                CloudWatchAsyncClient cloudWatch = SdkClients.cloudWatch(world.fis());
                DevServer server = DevServer.start(0);
                Connection connection = Connection.to(server.target(), "default")) {
            w.println("Faultline durable demo: Temporal dev server on " + server.target() + ", LocalFis on "
                    + world.fis().endpoint() + " (simulated time runs " + world.speed() + " times faster)");
            Experiment experiment = DemoCommand.nodeLoss(world, LOSS);
            FaultlineClient client = FaultlineClient.of(connection.client(), FaultlineWorker.DEFAULT_TASK_QUEUE);
            FaultlineWorker first = worker(connection, fis, cloudWatch, world, out).start();
            w.println("Worker 1 started.");
            String id = client.startRun(RunRequest.of(experiment));
            w.println("Submitted " + experiment.name().orElse("the experiment") + " as workflow " + id);
            w.flush();
            RunStatus running = awaitRunning(client, id);
            w.println("Experiment " + running.experimentId() + " is " + running.state() + ", actions "
                    + running.actions() + ": killing worker 1 mid-run.");
            w.flush();
            first.kill();
            FaultlineWorker second = worker(connection, fis, cloudWatch, world, out).start();
            try {
                w.println("Worker 2 started; it takes the run over when worker 1's heartbeat is missed.");
                w.flush();
                RunResult result = follow(w, client, id);
                long started = started(fis);
                w.println();
                w.println("Outcome: " + result.state() + (result.reason().isEmpty() ? "" : " (" + result.reason() + ")"));
                w.println("Verdict: " + (result.verdict().isEmpty() ? "none" : result.verdict() + " - "
                        + result.verdictSummary()));
                w.println("Experiments LocalFis saw started: " + started + " (the preflight's skip-all previews aside)");
                if (!result.report().isEmpty()) {
                    w.println("Report: " + result.report());
                }
                boolean passed = started == 1 && "COMPLETED".equals(result.state()) && "HELD".equals(result.verdict());
                w.println(passed ? "Durable: one experiment, run to its end across two workers."
                        : "Not as expected: the run should complete with its hypothesis held and one experiment.");
                w.flush();
                return passed ? Faultline.OK : Faultline.FOUND_ERRORS;
            } finally {
                second.close();
            }
        }
    }

    private static FaultlineWorker worker(Connection connection, FisAsyncClient fis, CloudWatchAsyncClient cloudWatch,
            DemoWorld world, Path out) {
        return FaultlineWorker.builder().client(connection.client()).clients(TargetClients.of(fis, cloudWatch))
                .config(DemoCommand.config()).clock(world.fis().clock()).heartbeat(HEARTBEAT).sticky(false)
                .reports(out.resolve("durable")).build();
    }

    private static RunStatus awaitRunning(FaultlineClient client, String id) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            RunStatus s = client.runStatus(id);
            if (s.phase() == RunPhase.RUNNING && s.actions().containsValue("RUNNING")) {
                return s;
            }
            if (s.phase() == RunPhase.FINISHED) {
                throw new IllegalStateException("the run ended before the worker could be killed: " + s);
            }
            sleep(100);
        }
        throw new IllegalStateException("the run did not reach RUNNING within 2 minutes");
    }

    private static RunResult follow(PrintWriter w, FaultlineClient client, String id) {
        var result = client.runResult(id);
        String last = "";
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the run did not end within 3 minutes of the kill");
            }
            try {
                return result.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                RunStatus s = status(client, id);
                String line = s == null ? last : "  " + s.phase() + " " + s.state() + " " + s.actions();
                if (!line.equals(last)) {
                    w.println(line);
                    w.flush();
                    last = line;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("the run's workflow failed: " + e.getCause().getMessage(), e);
            }
        }
    }

    private static RunStatus status(FaultlineClient client, String id) {
        try {
            return client.runStatus(id);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Experiments LocalFis started, the preflight's skip-all previews excepted. */
    private static long started(FisAsyncClient fis) {
        return fis.listExperiments(b -> b.maxResults(100)).join().experiments().stream()
                .map(ExperimentSummary::tags)
                .filter(tags -> !"preview".equals(tags.get("faultline:purpose")))
                .count();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
