package dev.faultline.core.report;

import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of one run: what the experiment was, how the run went and what it showed, as JSON
 * (schema {@code faultline-run-report/1}), Markdown and one self-contained HTML page with an SVG
 * timeline and a chart per metric series. Each format is readable without the SDK.
 *
 * <p>Immutable; a report never throws on partial data: a run that failed before any action
 * started, with no times, no verdict or empty series, gives a report that says so.
 *
 * <pre>{@code
 * RunOutcome outcome = run.completion().join();   // outside any future chain
 * ReportFiles files = RunReport.of(experiment, outcome)
 *         .withPreflight(preflight)
 *         .writeTo(Path.of("reports", outcome.experimentId()));
 * System.out.println("Report: " + files.html());
 * }</pre>
 */
public final class RunReport {

    private final ReportData data;

    private RunReport(ReportData data) {
        this.data = data;
    }

    /**
     * Creates the report of a run without a preflight.
     *
     * @param experiment the experiment that was run
     * @param outcome how the run ended
     * @return the report
     */
    public static RunReport of(Experiment experiment, RunOutcome outcome) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(outcome, "outcome");
        return new RunReport(new ReportData(experiment, outcome, null));
    }

    /**
     * Creates the report of a run, with what the checks before it found.
     *
     * @param experiment the experiment that was run
     * @param outcome how the run ended
     * @param preflight the preflight made before the start
     * @return the report
     */
    public static RunReport of(Experiment experiment, RunOutcome outcome, Preflight preflight) {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(preflight, "preflight");
        return new RunReport(new ReportData(experiment, outcome, preflight));
    }

    /**
     * Returns a copy of this report with a preflight.
     *
     * @param preflight the preflight made before the start
     * @return the new report
     */
    public RunReport withPreflight(Preflight preflight) {
        Objects.requireNonNull(preflight, "preflight");
        return new RunReport(new ReportData(data.experiment(), data.outcome(), preflight));
    }

    /**
     * The experiment the report is about.
     *
     * @return the experiment
     */
    public Experiment experiment() {
        return data.experiment();
    }

    /**
     * The outcome the report is about.
     *
     * @return the outcome
     */
    public RunOutcome outcome() {
        return data.outcome();
    }

    /**
     * The preflight, if the report has one.
     *
     * @return the preflight
     */
    public Optional<Preflight> preflight() {
        return Optional.ofNullable(data.preflight());
    }

    /**
     * The report as pretty-printed JSON, schema {@code faultline-run-report/1} (see docs/report.md).
     *
     * @return the JSON text, ending with a newline
     */
    public String toJson() {
        return ReportJson.render(data);
    }

    /**
     * The report as Markdown: a headline with the state and verdict, the run's facts, a table of
     * actions, the state changes, the preflight checks and the evidence.
     *
     * @return the Markdown text
     */
    public String toMarkdown() {
        return ReportMarkdown.render(data);
    }

    /**
     * The report as one self-contained HTML page (well-formed XHTML, inline CSS and SVG, no
     * scripts, nothing loaded from elsewhere).
     *
     * @return the page
     */
    public String toHtml() {
        return ReportHtml.render(data);
    }

    /**
     * Writes {@code report.json}, {@code report.md} and {@code report.html} into a directory,
     * creating it (and its parents) when needed and replacing files of those names.
     *
     * @param directory where to write
     * @return the three files
     * @throws ReportException when a file cannot be written; the message names it
     */
    public ReportFiles writeTo(Path directory) {
        Objects.requireNonNull(directory, "directory");
        ReportFiles files = new ReportFiles(directory.resolve("report.json"), directory.resolve("report.md"),
                directory.resolve("report.html"));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ReportException("Cannot create the report directory " + directory + ": " + e.getMessage(), e);
        }
        write(files.json(), toJson());
        write(files.markdown(), toMarkdown());
        write(files.html(), toHtml());
        return files;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("Cannot write the report file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A one-line summary.
     *
     * @return for example {@code RunReport[EXP1 completed, hypothesis HELD]}
     */
    @Override
    public String toString() {
        return "RunReport[" + data.outcome().experimentId() + " " + data.outcome().state().wireName()
                + ", " + data.verdictText() + "]";
    }
}
