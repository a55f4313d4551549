package dev.faultline.cli;

import dev.faultline.aws.engine.FisEngine;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.ExperimentRun;
import dev.faultline.core.ci.JUnitReport;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.report.ReportFiles;
import dev.faultline.core.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;

/** Writes a run's report for the commands that run experiments, and says where it is. */
final class Reports {

    private Reports() {}

    /**
     * Records a run's report files in the engine's journal, when it has one and journals the run.
     *
     * @param journal the journal, or null
     * @param engine the engine
     * @param run the run
     * @param files the files, or null when none were written
     */
    static void journal(RunJournal journal, FisEngine engine, ExperimentRun run, ReportFiles files) {
        if (journal == null || files == null) {
            return;
        }
        try { // queued after the run's events on the engine's journal writer; waits for it
            engine.journalReports(run, List.of(files.json().toString(), files.markdown().toString(),
                    files.html().toString())).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
        }
    }

    /**
     * Writes the report and prints its paths; a report that cannot be written is said, not thrown.
     *
     * @param w where to print
     * @param experiment the experiment
     * @param preflight the preflight, or null
     * @param outcome the outcome
     * @param directory where to write
     * @return the files, or null when they could not be written
     */
    static ReportFiles write(PrintWriter w, Experiment experiment, Preflight preflight, RunOutcome outcome, Path directory) {
        RunReport report = preflight == null ? RunReport.of(experiment, outcome)
                : RunReport.of(experiment, outcome, preflight);
        try {
            ReportFiles files = report.writeTo(directory);
            w.println("Report: " + files.html() + " (also " + files.markdown().getFileName() + " and "
                    + files.json().getFileName() + ")");
            return files;
        } catch (FaultlineException e) {
            w.println("The report could not be written: " + e.getMessage());
            return null;
        }
    }

    /**
     * Writes the JUnit XML report of a run and says where; a file that cannot be written is said, not thrown.
     *
     * @param w where to print
     * @param experiment the experiment
     * @param outcome the outcome
     * @param file the XML file
     */
    static void writeJUnit(PrintWriter w, Experiment experiment, RunOutcome outcome, Path file) {
        JUnitReport junit = JUnitReport.of(experiment, outcome);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, junit.toXml());
            w.println("JUnit report: " + file + " (" + junit.failures() + " failure(s))");
        } catch (IOException e) {
            w.println("The JUnit report could not be written to " + file + ": " + e.getMessage());
        }
    }
}
