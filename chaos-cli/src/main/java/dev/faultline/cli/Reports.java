package dev.faultline.cli;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.ci.JUnitReport;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.report.ReportFiles;
import dev.faultline.core.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's report for the commands that run experiments, and says where it is. */
final class Reports {

    private Reports() {}

    /**
     * Writes the report and prints its paths; a report that cannot be written is said, not thrown.
     *
     * @param w where to print
     * @param experiment the experiment
     * @param preflight the preflight, or null
     * @param outcome the outcome
     * @param directory where to write
     */
    static void write(PrintWriter w, Experiment experiment, Preflight preflight, RunOutcome outcome, Path directory) {
        RunReport report = preflight == null ? RunReport.of(experiment, outcome)
                : RunReport.of(experiment, outcome, preflight);
        try {
            ReportFiles files = report.writeTo(directory);
            w.println("Report: " + files.html() + " (also " + files.markdown().getFileName() + " and "
                    + files.json().getFileName() + ")");
        } catch (FaultlineException e) {
            w.println("The report could not be written: " + e.getMessage());
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
