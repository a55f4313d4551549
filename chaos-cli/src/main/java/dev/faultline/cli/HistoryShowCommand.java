package dev.faultline.cli;

import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.report.ReportFiles;
import dev.faultline.core.report.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline history show RUN_ID}: one journaled run, its events and verdict; {@code --report} re-renders its report. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one journaled run: what ran where, its events and its verdict; with --report DIR,"
                + " write its report again from the journal alone.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:printed", "1:--report for a run that has no outcome yet",
                "2:usage error, unknown run, or the journal cannot be read"})
final class HistoryShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, as 'faultline history' lists it.")
    String runId;

    @Option(names = "--journal", paramLabel = "URL", defaultValue = Journals.DEFAULT,
            description = "The journal (default: ${DEFAULT-VALUE}).")
    String journalUrl;

    @Option(names = "--report", paramLabel = "DIR", description = "Write report.json, report.md and report.html to DIR.")
    Path report;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RunJournal journal = Journals.open(journalUrl)) {
            Optional<JournaledRun> found = journal.find(runId);
            if (found.isEmpty()) {
                err.println("faultline history show: no run " + runId + " in " + journal);
                return Faultline.USAGE;
            }
            JournaledRun run = found.get();
            print(w, run);
            if (report != null) {
                Optional<RunOutcome> outcome = run.outcome();
                if (outcome.isEmpty()) {
                    err.println("faultline history show: run " + runId + " has no outcome yet, so no report");
                    return Faultline.FOUND_ERRORS;
                }
                Experiment experiment = run.experiment();
                ReportFiles files = RunReport.of(experiment, outcome.get(), run.header().preflight()).writeTo(report);
                w.println("Report: " + files.html() + " (also " + files.markdown().getFileName() + " and "
                        + files.json().getFileName() + ")");
            }
            w.flush();
            return Faultline.OK;
        } catch (IllegalArgumentException | FaultlineException e) {
            err.println("faultline history show: " + e.getMessage());
            return Faultline.USAGE;
        }
    }

    private static void print(PrintWriter w, JournaledRun run) {
        RunHeader h = run.header();
        w.println("Run " + h.runId() + ": " + (h.experimentName().isEmpty() ? "(unnamed experiment)" : h.experimentName()));
        w.println("  experiment " + h.experimentId() + (h.templateId().isEmpty() ? "" : ", template " + h.templateId())
                + (h.attached() ? " (attached)" : ""));
        w.println("  account " + or(h.account()) + ", Region " + or(h.region()) + ", started " + h.startedAt()
                + " by " + or(h.actor()));
        w.println("  template SHA-256 " + h.templateSha256() + (h.templateIntact() ? "" : " (DOES NOT MATCH the journaled JSON)"));
        if (!h.tags().isEmpty()) {
            w.println("  tags " + h.tags());
        }
        w.println("  state " + run.state().wireName() + ", verdict " + (run.verdict().isEmpty() ? "none" : run.verdict())
                + run.endedAt().map(t -> ", ended " + t).orElse(run.finished() ? "" : " (unfinished)"));
        w.println("Events:");
        for (RunEvent e : run.events()) {
            w.println("  " + e.time() + "  " + e.getClass().getSimpleName() + "  " + describe(e));
        }
        run.outcome().flatMap(RunOutcome::verdict).ifPresent(v -> w.println("Verdict: " + v.verdict() + " - " + v.summary()));
        if (!run.reports().isEmpty()) {
            w.println("Reports: " + String.join(", ", run.reports()));
        }
    }

    /** The event in a few words; a type this method does not know is shown by its record text. */
    static String describe(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            return (s.templateId().isEmpty() ? "" : "template " + s.templateId()) + (s.attached() ? " (attached)" : "");
        } else if (e instanceof RunEvent.StateChanged s) {
            return s.from() + " -> " + s.to() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
        } else if (e instanceof RunEvent.ActionStateChanged s) {
            return s.actionName() + ": " + s.from() + " -> " + s.to() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
        } else if (e instanceof RunEvent.StopRequested s) {
            return "by " + s.source() + ": " + s.reason();
        } else if (e instanceof RunEvent.HypothesisChecked s) {
            return s.phase().wireName() + (s.held() ? " held" : " BREACHED") + " " + s.evidence();
        } else if (e instanceof RunEvent.RunCompleted s) {
            return s.outcome().toString();
        } else if (e instanceof RunEvent.RunFailed s) {
            return String.valueOf(s.error().getMessage());
        }
        return e.toString();
    }

    private static String or(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
