package dev.faultline.cli;

import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.journal.RunSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The static HTML index of a journal: each experiment's verdicts over time as a strip of
 * coloured marks (oldest first), then one row per run, newest first; marks and rows link to
 * the run's HTML report when the journal recorded one. One self-contained page, no scripts.
 */
final class HistoryHtml {

    private HistoryHtml() {}

    /**
     * Writes {@code DIR/index.html}.
     *
     * @param dir the directory (created when needed)
     * @param runs the runs, newest first
     * @param journal the journal, for each run's report files
     * @return the page's path
     * @throws IOException when it cannot be written
     */
    static Path write(Path dir, List<RunSummary> runs, RunJournal journal) throws IOException {
        Map<String, String> reports = new LinkedHashMap<>();
        for (RunSummary r : runs) {
            String html = journal.find(r.runId()).map(HistoryHtml::htmlReport).orElse(null);
            if (html != null) {
                reports.put(r.runId(), link(dir, html));
            }
        }
        Files.createDirectories(dir);
        Path index = dir.resolve("index.html");
        Files.writeString(index, render(runs, reports), StandardCharsets.UTF_8);
        return index;
    }

    static String render(List<RunSummary> runs, Map<String, String> reports) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Faultline run history</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse}td,th{padding:.25em .75em;border-bottom:1px solid #ddd;text-align:left}")
                .append(".mark{display:inline-block;width:14px;height:14px;margin:1px;border-radius:2px}")
                .append(".HELD{background:#2e8b57}.REFUTED{background:#c0392b}.INCONCLUSIVE{background:#e0a800}")
                .append(".NONE{background:#999}</style></head><body>\n<h1>Faultline run history</h1>\n");
        h.append("<p>").append(runs.size()).append(" runs. Green: held, red: refuted, amber: inconclusive,"
                + " grey: no verdict.</p>\n<h2>Verdicts over time</h2>\n<table>\n");
        Map<String, List<RunSummary>> byExperiment = new LinkedHashMap<>();
        for (int i = runs.size() - 1; i >= 0; i--) {
            RunSummary r = runs.get(i);
            byExperiment.computeIfAbsent(r.experiment().isEmpty() ? "(unnamed)" : r.experiment(), k -> new ArrayList<>())
                    .add(r);
        }
        for (Map.Entry<String, List<RunSummary>> e : byExperiment.entrySet()) {
            h.append("<tr><th>").append(escape(e.getKey())).append("</th><td>");
            for (RunSummary r : e.getValue()) {
                String verdict = r.verdict().isEmpty() ? "NONE" : r.verdict();
                String mark = "<span class=\"mark " + verdict + "\" title=\"" + escape(r.startedAt() + " " + verdict
                        + " " + r.state().wireName() + " " + r.runId()) + "\"></span>";
                h.append(wrap(mark, reports.get(r.runId())));
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n<h2>Runs</h2>\n<table>\n<tr><th>Started</th><th>Experiment</th><th>State</th>"
                + "<th>Verdict</th><th>Experiment id</th><th>Account</th><th>Region</th><th>Actor</th><th>Run</th></tr>\n");
        for (RunSummary r : runs) {
            String verdict = r.verdict().isEmpty() ? "NONE" : r.verdict();
            h.append("<tr><td>").append(r.startedAt().truncatedTo(ChronoUnit.SECONDS)).append("</td><td>")
                    .append(escape(r.experiment())).append("</td><td>").append(r.state().wireName())
                    .append("</td><td><span class=\"mark ").append(verdict).append("\"></span> ").append(verdict)
                    .append("</td><td>").append(escape(r.experimentId())).append("</td><td>")
                    .append(escape(r.account())).append("</td><td>").append(escape(r.region())).append("</td><td>")
                    .append(escape(r.actor())).append("</td><td>")
                    .append(wrap(escape(r.runId()), reports.get(r.runId()))).append("</td></tr>\n");
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String htmlReport(JournaledRun run) {
        return run.reports().stream().filter(f -> f.endsWith(".html")).findFirst().orElse(null);
    }

    /** A link from the index's directory to a report: relative when both are local paths. */
    private static String link(Path dir, String report) {
        try {
            return dir.toAbsolutePath().normalize().relativize(Path.of(report).toAbsolutePath().normalize())
                    .toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return Path.of(report).toUri().toString();
        }
    }

    private static String wrap(String inner, String href) {
        return href == null ? inner : "<a href=\"" + escape(href) + "\">" + inner + "</a>";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
