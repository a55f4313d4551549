package dev.faultline.core.report;

import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.PreflightCheck;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report as Markdown: a headline with the state and the verdict, the run's facts, a
 * table of actions, the state changes, the preflight checks and the evidence. All user text
 * goes through {@link Escape#markdown(String)}.
 */
final class ReportMarkdown {

    private ReportMarkdown() {}

    static String render(ReportData data) {
        StringBuilder out = new StringBuilder();
        headline(out, data);
        facts(out, data);
        actions(out, data);
        stateChanges(out, data);
        preflight(out, data.preflight());
        hypothesis(out, data);
        return out.toString();
    }

    private static void headline(StringBuilder out, ReportData data) {
        RunOutcome o = data.outcome();
        out.append("# ").append(Escape.markdown(data.title())).append(": ")
                .append(o.state().wireName().toUpperCase(Locale.ROOT));
        o.verdict().ifPresent(v -> out.append(", hypothesis ").append(v.verdict().name()));
        out.append("\n\n");
        data.experiment().description().ifPresent(d -> out.append(Escape.markdown(d)).append("\n\n"));
    }

    private static void facts(StringBuilder out, ReportData data) {
        RunOutcome o = data.outcome();
        fact(out, "Experiment", o.experimentId());
        fact(out, "Template", o.templateId().orElse(null));
        fact(out, "State", o.state().wireName() + o.reason().map(r -> " (" + r + ")").orElse(""));
        if (o.errorCode().isPresent() || o.errorLocation().isPresent()) {
            fact(out, "Error", o.errorCode().orElse("unknown") + o.errorLocation().map(l -> " at " + l).orElse(""));
        }
        fact(out, "Started", ReportJson.time(data.start()));
        fact(out, "Ended", ReportJson.time(data.end()));
        fact(out, "Duration", data.duration() == null ? null : Text.duration(data.duration()));
        fact(out, "Planned duration",
                data.plannedDuration() == null ? null : Text.duration(data.plannedDuration()));
        if (o.stopSource().isPresent() || o.stopReason().isPresent() || data.stop() != null) {
            fact(out, "Stopped by", Text.stop(data));
        }
        for (Map.Entry<String, String> tag : data.experiment().tags().entrySet()) {
            fact(out, "Tag " + tag.getKey(), tag.getValue());
        }
        out.append('\n');
    }

    private static void fact(StringBuilder out, String name, String value) {
        out.append("- **").append(Escape.markdown(name)).append(":** ")
                .append(value == null ? "unknown" : Escape.markdown(value)).append('\n');
    }

    private static void actions(StringBuilder out, ReportData data) {
        out.append("## Actions\n\n");
        if (data.actions().isEmpty()) {
            out.append("No actions.\n\n");
            return;
        }
        out.append("| Action | Action id | State | Planned start | Actual start | Actual end | Reason |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (ActionRow a : data.actions()) {
            row(out, a.name(), a.actionId(), a.stateName(),
                    a.plannedStart() == null ? null : "+" + Text.duration(a.plannedStart()),
                    Text.offset(data.start(), a.actualStart()), Text.offset(data.start(), a.actualEnd()),
                    a.reason());
        }
        out.append('\n');
    }

    private static void stateChanges(StringBuilder out, ReportData data) {
        out.append("## State changes\n\n");
        if (data.stateChanges().isEmpty()) {
            out.append("None recorded.\n\n");
            return;
        }
        for (RunEvent.StateChanged c : data.stateChanges()) {
            out.append("- ").append(Text.time(c.time())).append(' ').append(c.from().wireName()).append(" → ")
                    .append(c.to().wireName());
            if (!c.reason().isEmpty()) {
                out.append(": ").append(Escape.markdown(c.reason()));
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private static void preflight(StringBuilder out, Preflight p) {
        if (p == null) {
            return;
        }
        out.append("## Preflight: ").append(p.passed() ? "passed" : "FAILED").append("\n\n");
        if (!p.checks().isEmpty()) {
            out.append("| Check | Status | Message |\n|---|---|---|\n");
            for (PreflightCheck c : p.checks()) {
                row(out, c.name(), c.status().name(), c.message());
            }
            out.append('\n');
        }
        for (Map.Entry<String, List<String>> t : p.resolvedTargets().entrySet()) {
            out.append("- Target ").append(Escape.markdown(t.getKey())).append(" resolved to ")
                    .append(t.getValue().size()).append(t.getValue().size() == 1 ? " resource" : " resources");
            if (!t.getValue().isEmpty()) {
                out.append(": ").append(Escape.markdown(String.join(", ", t.getValue())));
            }
            out.append('\n');
        }
        out.append(p.resolvedTargets().isEmpty() ? "" : "\n");
    }

    private static void hypothesis(StringBuilder out, ReportData data) {
        RunOutcome o = data.outcome();
        out.append("## Hypothesis\n\n");
        if (o.verdict().isEmpty()) {
            out.append(data.noVerdictReason()).append('\n');
            return;
        }
        HypothesisVerdict v = o.verdict().get();
        out.append("**").append(v.verdict().name()).append("**: ").append(Escape.markdown(v.summary())).append("\n\n");
        if (v.evidence().isEmpty()) {
            out.append("No readings.\n");
            return;
        }
        out.append("| Condition | Phase | Time | Value | Threshold | Result |\n|---|---|---|---|---|---|\n");
        for (Evidence e : v.evidence()) {
            row(out, e.label(), e.phase().wireName(), Text.time(e.time()),
                    e.value().isPresent() ? Text.number(e.value().getAsDouble()) : "no data",
                    Text.threshold(e.condition()), VerdictJson.result(e));
        }
    }

    private static void row(StringBuilder out, String... cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ').append(cell == null ? "" : Escape.markdown(cell)).append(" |");
        }
        out.append('\n');
    }
}
