package dev.faultline.core.report;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a report as one self-contained XHTML page: inline CSS, no scripts, nothing fetched
 * from elsewhere; the timeline and the metric charts are inline SVG. The page is well-formed
 * XML, so it can be checked with any XML parser.
 */
final class ReportHtml {

    private static final String CSS = css() + Palette.badgeCss();

    private ReportHtml() {}

    private static String css() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new ReportException("report.css is missing from the classpath next to "
                        + ReportHtml.class.getName(), null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportException("report.css could not be read: " + e, e);
        }
    }

    static String render(ReportData data) {
        Xml x = new Xml().raw("<!DOCTYPE html>\n");
        x.open("html", "lang", "en");
        x.open("head").empty("meta", "charset", "utf-8")
                .empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "Faultline run report: " + data.title())
                .open("style").raw(CSS).close().close();
        x.open("body");
        header(x, data);
        facts(x, data);
        x.open("section", "id", "timeline").element("h2", "Timeline");
        SvgTimeline.render(x, data);
        x.close();
        actions(x, data);
        hypothesis(x, data);
        preflight(x, data.preflight());
        stateChanges(x, data);
        x.element("footer", "Faultline run report, schema " + ReportJson.SCHEMA + ".");
        return x.close().close().toString();
    }

    private static void header(Xml x, ReportData data) {
        RunOutcome o = data.outcome();
        x.open("header").element("h1", data.title()).open("p", "class", "badges");
        x.element("span", o.state().wireName(), "class", "badge state s-" + o.state().wireName());
        x.element("span", data.verdictText(), "class", "badge verdict v-" + data.verdictName());
        x.close();
        data.experiment().description().ifPresent(d -> x.element("p", d, "class", "description"));
        x.close();
    }

    private static void facts(Xml x, ReportData data) {
        RunOutcome o = data.outcome();
        x.open("section", "id", "run").element("h2", "Run").open("dl", "class", "facts");
        fact(x, "Experiment", o.experimentId());
        fact(x, "Template", o.templateId().orElse(null));
        fact(x, "State", o.state().wireName() + o.reason().map(r -> " (" + r + ")").orElse(""));
        if (o.errorCode().isPresent() || o.errorLocation().isPresent()) {
            fact(x, "Error", o.errorCode().orElse("unknown") + o.errorLocation().map(l -> " at " + l).orElse(""));
        }
        fact(x, "Started", ReportJson.time(data.start()));
        fact(x, "Ended", ReportJson.time(data.end()));
        fact(x, "Duration", data.duration() == null ? null : Text.duration(data.duration()));
        fact(x, "Planned duration", data.plannedDuration() == null ? null : Text.duration(data.plannedDuration()));
        if (o.stopSource().isPresent() || o.stopReason().isPresent() || data.stop() != null) {
            fact(x, "Stopped by", Text.stop(data));
        }
        for (Map.Entry<String, String> tag : data.experiment().tags().entrySet()) {
            fact(x, "Tag " + tag.getKey(), tag.getValue());
        }
        x.close().close();
    }

    private static void fact(Xml x, String name, String value) {
        x.element("dt", name).element("dd", value == null ? "unknown" : value);
    }

    private static void actions(Xml x, ReportData data) {
        x.open("section", "id", "actions").element("h2", "Actions");
        if (data.actions().isEmpty()) {
            x.element("p", "No actions.", "class", "note");
        } else {
            x.open("table");
            headRow(x, "Action", "Action id", "State", "Planned", "Actual start", "Actual end", "Reason");
            for (ActionRow a : data.actions()) {
                x.open("tr").element("td", a.name()).element("td", a.actionId());
                x.open("td").element("span", a.stateName(), "class", "badge s-" + a.stateName()).close();
                x.element("td", a.plannedStart() == null ? "not planned"
                        : "+" + Text.duration(a.plannedStart()) + " to +" + Text.duration(a.plannedEnd()));
                x.element("td", Text.offset(data.start(), a.actualStart()))
                        .element("td", Text.offset(data.start(), a.actualEnd())).element("td", a.reason());
                x.close();
            }
            x.close();
        }
        x.close();
    }

    private static void hypothesis(Xml x, ReportData data) {
        RunOutcome o = data.outcome();
        x.open("section", "id", "hypothesis").element("h2", "Hypothesis");
        if (o.verdict().isEmpty()) {
            x.element("p", data.noVerdictReason(), "class", "note").close();
            return;
        }
        HypothesisVerdict v = o.verdict().get();
        x.open("p").element("strong", v.verdict().name()).text(": " + v.summary()).close();
        if (!v.series().isEmpty()) {
            x.open("div", "class", "charts");
            for (MetricSeries s : v.series()) {
                SvgChart.render(x, s, data.start(), data.end());
            }
            x.close();
        }
        evidence(x, v.evidence());
        x.close();
    }

    private static void evidence(Xml x, List<Evidence> evidence) {
        if (evidence.isEmpty()) {
            x.element("p", "No readings were taken.", "class", "note");
            return;
        }
        x.open("table", "class", "evidence");
        headRow(x, "Condition", "Phase", "Time", "Value", "Threshold", "Result");
        for (Evidence e : evidence) {
            String result = VerdictJson.result(e);
            x.open("tr").element("td", e.label()).element("td", e.phase().wireName())
                    .element("td", Text.time(e.time()))
                    .element("td", e.value().isPresent() ? Text.number(e.value().getAsDouble()) : "no data")
                    .element("td", Text.threshold(e.condition())).element("td", result, "class", "r-" + result)
                    .close();
        }
        x.close();
    }

    private static void preflight(Xml x, Preflight p) {
        if (p == null) {
            return;
        }
        x.open("section", "id", "preflight").element("h2", "Preflight: " + (p.passed() ? "passed" : "FAILED"));
        if (!p.checks().isEmpty()) {
            x.open("table");
            headRow(x, "Check", "Status", "Message");
            for (PreflightCheck c : p.checks()) {
                x.open("tr").element("td", c.name()).element("td", c.status().name()).element("td", c.message()).close();
            }
            x.close();
        }
        if (!p.resolvedTargets().isEmpty()) {
            x.element("h3", "Resolved targets").open("ul", "class", "targets");
            for (Map.Entry<String, List<String>> t : p.resolvedTargets().entrySet()) {
                x.element("li", t.getKey() + ": " + t.getValue().size()
                        + (t.getValue().size() == 1 ? " resource" : " resources")
                        + (t.getValue().isEmpty() ? "" : " (" + String.join(", ", t.getValue()) + ")"));
            }
            x.close();
        }
        x.close();
    }

    private static void stateChanges(Xml x, ReportData data) {
        x.open("section", "id", "state-changes").element("h2", "State changes");
        if (data.stateChanges().isEmpty()) {
            x.element("p", "None recorded.", "class", "note");
        } else {
            x.open("ol");
            for (RunEvent.StateChanged c : data.stateChanges()) {
                x.element("li", Text.time(c.time()) + " " + c.from().wireName() + " → " + c.to().wireName()
                        + (c.reason().isEmpty() ? "" : ": " + c.reason()));
            }
            x.close();
        }
        x.close();
    }

    private static void headRow(Xml x, String... names) {
        x.open("tr");
        for (String name : names) {
            x.element("th", name);
        }
        x.close();
    }
}
