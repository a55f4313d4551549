package dev.faultline.core.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a plan as a fixed-width text Gantt chart: one row per placed action with its name,
 * action id, offsets and a bar scaled to the total duration, then the actions that could not
 * be placed and why.
 */
final class Timeline {

    /** Columns of the bar, between its two frame characters. */
    static final int WIDTH = 40;

    private static final char RUNNING = '#';
    private static final char INSTANT = '*';
    private static final char UNKNOWN = '?';

    private Timeline() {}

    static String render(ExperimentPlan plan) {
        StringBuilder out = new StringBuilder("Timeline\n");
        if (plan.actions().isEmpty() && plan.unscheduledActions().isEmpty()) {
            return out.append("  (no actions)\n").toString();
        }
        if (!plan.actions().isEmpty()) {
            out.append(table(plan).render("  "));
            out.append("  ").append(legend(plan)).append('\n');
        }
        if (!plan.unscheduledActions().isEmpty()) {
            out.append("  Not scheduled:\n");
            TextTable table = new TextTable();
            for (UnscheduledAction u : plan.unscheduledActions()) {
                table.row(u.name(), u.describe());
            }
            out.append(table.render("    "));
        }
        return out.toString();
    }

    /** Explains the marks the chart uses, and only those. */
    private static String legend(ExperimentPlan plan) {
        List<String> marks = new ArrayList<>();
        if (plan.actions().stream().anyMatch(a -> a.durationKnown() && !a.instant())) {
            marks.add(RUNNING + " running");
        }
        if (plan.actions().stream().anyMatch(PlannedAction::instant)) {
            marks.add(INSTANT + " instant");
        }
        if (plan.actions().stream().anyMatch(a -> !a.durationKnown())) {
            marks.add(UNKNOWN + " duration unknown");
        }
        return String.join("  ", marks);
    }

    private static TextTable table(ExperimentPlan plan) {
        Duration total = plan.totalDuration();
        TextTable table = new TextTable().row("action", "id", "offsets", axis(total), "");
        for (PlannedAction a : plan.actions()) {
            table.row(a.name(), a.actionId().isEmpty() ? "(none)" : a.actionId(), offsets(a), bar(a, total), note(a));
        }
        return table;
    }

    private static String axis(Duration total) {
        String start = "0s";
        String end = Durations.format(total);
        int gap = Math.max(1, WIDTH - start.length() - end.length());
        return "|" + start + " ".repeat(gap) + end + "|";
    }

    private static String offsets(PlannedAction a) {
        if (!a.durationKnown()) {
            return Durations.format(a.start()) + " → ?";
        }
        if (a.instant()) {
            return "at " + Durations.format(a.start());
        }
        return Durations.format(a.start()) + " → " + Durations.format(a.end());
    }

    private static String note(PlannedAction a) {
        if (!a.durationKnown()) {
            return "duration unknown: " + a.durationProblem().orElse("no duration");
        }
        if (a.durationIsMaximum()) {
            return "at most (" + a.durationParameter().orElse("") + ")";
        }
        if (!a.instant() && a.durationParameter().filter("startInstancesAfterDuration"::equals).isPresent()) {
            return "until restart (startInstancesAfterDuration)";
        }
        return "";
    }

    private static String bar(PlannedAction a, Duration total) {
        char[] cells = " ".repeat(WIDTH).toCharArray();
        int from = Math.min(column(a.start(), total), WIDTH - 1);
        if (!a.durationKnown()) {
            cells[from] = UNKNOWN;
        } else if (a.instant()) {
            cells[from] = INSTANT;
        } else {
            int to = Math.max(from + 1, column(a.end(), total));
            for (int i = from; i < to; i++) {
                cells[i] = RUNNING;
            }
        }
        return "|" + new String(cells) + "|";
    }

    /** The column of an offset: its share of the total, rounded to the nearest column. */
    private static int column(Duration offset, Duration total) {
        double whole = seconds(total);
        if (whole == 0) {
            return 0;
        }
        return (int) Math.min(WIDTH, Math.round(seconds(offset) / whole * WIDTH));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }
}
