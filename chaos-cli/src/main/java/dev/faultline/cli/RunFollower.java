package dev.faultline.cli;

import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.plan.ExperimentPlan;
import dev.faultline.core.report.ReportFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Follows a run for {@code run --wait}: prints its events, a progress line when nothing was
 * printed for a while, and its outcome, and writes its report once — also when the JVM is asked to
 * exit (SIGTERM, Ctrl-C), after the engine's shutdown hook has stopped the experiment.
 */
final class RunFollower {

    /** How long without a printed line before a progress line, by default. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    /** How long the shutdown hook waits for the stopped run to end before giving up on the report. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(40);

    private final PrintWriter w;
    private final ExperimentRun run;
    private final Path reportDirectory;
    private final Duration progressEvery;
    private final AtomicBoolean reported = new AtomicBoolean();
    private final BiConsumer<RunOutcome, ReportFiles> afterReport;
    private final CountDownLatch written = new CountDownLatch(1);

    /**
     * A follower of one run.
     *
     * @param afterReport what else to do once the report is written (journal it, write JUnit XML);
     *     its files are null when the report could not be written
     */
    RunFollower(PrintWriter w, ExperimentRun run, Path reportDirectory, Duration progressEvery,
            BiConsumer<RunOutcome, ReportFiles> afterReport) {
        this.w = w;
        this.run = run;
        this.reportDirectory = reportDirectory;
        this.progressEvery = progressEvery;
        this.afterReport = afterReport;
    }

    /**
     * Follows the run to its end and returns its outcome (the report is written by then).
     *
     * @param started the line that says the run started, printed once a SIGTERM would write the report
     */
    RunOutcome follow(String started) {
        EventPrinter printer = new EventPrinter(w, ExperimentPlan.of(run.experiment()).totalDuration());
        long since = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "faultline-progress");
            t.setDaemon(true);
            return t;
        });
        Thread hook = new Thread(this::onShutdown, "faultline-report-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        w.println(started);
        w.flush();
        try {
            run.onEvent(printer);
            long every = progressEvery.toNanos();
            ticker.scheduleAtFixedRate(() -> printer.progressIfQuiet(Duration.ofNanos(System.nanoTime() - since),
                    progressEvery), every, every, TimeUnit.NANOSECONDS);
            RunOutcome outcome = run.completion().join();
            report(outcome);
            return outcome;
        } finally {
            ticker.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook writes the report
            }
        }
    }

    private void onShutdown() {
        if (reported.get()) {
            awaitReport(); // the main thread is writing it: the JVM must not halt before it is done
            return;
        }
        w.println("Asked to exit: waiting up to " + SHUTDOWN_WAIT.toSeconds() + " s for the experiment to stop,"
                + " then writing its report.");
        w.flush();
        try {
            report(run.completion().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (TimeoutException e) {
            w.println("The run did not end within " + SHUTDOWN_WAIT.toSeconds() + " s; experiment "
                    + run.experimentId() + " may still be running (no report).");
        } catch (ExecutionException | CompletionException e) {
            w.println("The run ended without an outcome: " + e.getCause().getMessage() + " (no report).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        w.flush();
    }

    private void report(RunOutcome outcome) {
        if (!reported.compareAndSet(false, true)) {
            if (Thread.currentThread().getName().equals("faultline-report-on-exit")) {
                awaitReport();
            }
            return;
        }
        try {
            w.println("Outcome: " + outcome.state() + outcome.reason().map(r -> " (" + r + ")").orElse(""));
            outcome.verdict().ifPresent(v -> w.println("Verdict: " + v.verdict() + " - " + v.summary()));
            ReportFiles files = Reports.write(w, run.experiment(), null, outcome, reportDirectory);
            afterReport.accept(outcome, files);
            w.flush();
        } finally {
            written.countDown();
        }
    }

    private void awaitReport() {
        try {
            written.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
