package dev.faultline.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.journal.RunSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline history}: lists the runs of a journal, newest first, as text or JSON, or
 * writes a static HTML index of them; {@code history show RUN_ID} prints one run.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List the runs a journal recorded, newest first (text or JSON), or write a static HTML index"
                + " with each experiment's verdicts over time.",
        subcommands = HistoryShowCommand.class,
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "2:usage error, or the journal cannot be read"})
final class HistoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", paramLabel = "URL", defaultValue = Journals.DEFAULT,
            description = "The journal: file:DIR, jdbc:sqlite:FILE or jdbc:postgresql://... (default: ${DEFAULT-VALUE},"
                    + " where 'faultline demo' writes).")
    String journalUrl;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Only runs of this experiment.")
    String experiment;

    @Option(names = "--verdict", paramLabel = "V", description = "Only runs with this verdict: HELD, REFUTED, INCONCLUSIVE or NONE.")
    String verdict;

    @Option(names = "--since", paramLabel = "DURATION|INSTANT",
            description = "Only runs started since: a duration back from now (PT24H) or an instant (2026-12-01T00:00:00Z).")
    String since;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--html", paramLabel = "DIR",
            description = "Write DIR/index.html instead: one row per run and each experiment's verdict strip.")
    Path html;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JournalQuery.Builder q = JournalQuery.builder();
        try {
            if (experiment != null) {
                q.experiment(experiment);
            }
            if (verdict != null) {
                q.verdict(verdict);
            }
            if (since != null) {
                q.since(since(since));
            }
            if (!format.equals("text") && !format.equals("json")) {
                throw new IllegalArgumentException("--format " + format + " is not text or json");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
            }
        } catch (IllegalArgumentException e) {
            err.println("faultline history: " + e.getMessage());
            return Faultline.USAGE;
        }
        try (RunJournal journal = Journals.open(journalUrl)) {
            List<RunSummary> runs = runs(journal, q, html != null ? Integer.MAX_VALUE : limit);
            if (html != null) {
                Path index = HistoryHtml.write(html, runs, journal);
                w.println("Wrote " + index + " (" + runs.size() + " runs)");
            } else if (format.equals("json")) {
                w.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(runs)));
            } else {
                text(w, runs);
            }
            w.flush();
            return Faultline.OK;
        } catch (IllegalArgumentException | FaultlineException | IOException e) {
            err.println("faultline history: " + e.getMessage());
            return Faultline.USAGE;
        }
    }

    private Instant since(String text) {
        try {
            return text.startsWith("P") || text.startsWith("-P")
                    ? clock.instant().minus(FisDuration.parse(text)) : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since " + text
                    + " is neither an ISO-8601 duration (PT24H) nor an instant (2026-12-01T00:00:00Z)", e);
        }
    }

    /** Reads pages until {@code max} runs or the last page. */
    static List<RunSummary> runs(RunJournal journal, JournalQuery.Builder q, int max) {
        List<RunSummary> out = new ArrayList<>();
        q.limit(Math.min(max, JournalQuery.MAX_LIMIT));
        JournalPage page = journal.query(q.build());
        while (true) {
            for (RunSummary s : page.runs()) {
                if (out.size() == max) {
                    return out;
                }
                out.add(s);
            }
            if (page.nextCursor().isEmpty()) {
                return out;
            }
            page = journal.query(q.after(page.nextCursor().get()).build());
        }
    }

    private static ArrayNode json(List<RunSummary> runs) {
        ArrayNode a = JSON.createArrayNode();
        for (RunSummary r : runs) {
            a.addObject().put("runId", r.runId()).put("experiment", r.experiment())
                    .put("experimentId", r.experimentId()).put("account", r.account()).put("region", r.region())
                    .put("state", r.state().wireName()).put("verdict", r.verdict().isEmpty() ? null : r.verdict())
                    .put("startedAt", r.startedAt().toString())
                    .put("endedAt", r.endedAt().map(Instant::toString).orElse(null)).put("actor", r.actor());
        }
        return a;
    }

    private static void text(PrintWriter w, List<RunSummary> runs) {
        if (runs.isEmpty()) {
            w.println("No runs in the journal match.");
            return;
        }
        String format = "%-20s  %-32s  %-10s  %-12s  %-20s  %-12s  %s%n";
        w.printf(format, "STARTED", "EXPERIMENT", "STATE", "VERDICT", "EXPERIMENT ID", "ACTOR", "RUN ID");
        for (RunSummary r : runs) {
            w.printf(format, r.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    r.experiment().isEmpty() ? "-" : r.experiment(), r.state().wireName(),
                    r.verdict().isEmpty() ? "-" : r.verdict(), r.experimentId(), r.actor(), r.runId());
        }
    }
}
