package dev.faultline.core.report;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the run as an SVG timeline: one row per action, with the planned bar (faint) behind
 * a bar from the actual start to the actual end coloured by the final state; a vertical marker
 * per experiment state change; and the stop, with its reason, at the time it was asked for.
 */
final class SvgTimeline {

    private static final double LABEL_WIDTH = 180;
    private static final double PLOT_WIDTH = 620;
    private static final double WIDTH = LABEL_WIDTH + PLOT_WIDTH + 40;
    private static final double TOP = 56;
    private static final double ROW = 26;
    private static final double BAR = 14;
    private static final double BOTTOM = 40;
    private static final int TICKS = 6;
    private static final int LABEL_CHARS = 28;
    private static final int STOP_LABEL_CHARS = 110;
    /** A generous width of one character of the bold stop label, in pixels, so the label fits the page. */
    private static final double STOP_LABEL_CHAR_WIDTH = 7.5;
    private static final String TICK_COLOUR = "#eaeef2";
    /** The planned bar's opacity: faint, so the actual bar stands out in front of it. */
    private static final String PLANNED_OPACITY = "0.25";
    private static final long[] STEPS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800,
        21600, 43200, 86400};

    private final ReportData data;
    private final Instant from;
    private final Instant to;
    private final Instant origin;

    private SvgTimeline(ReportData data, Instant from, Instant to) {
        this.data = data;
        this.from = from;
        this.to = to;
        this.origin = data.start() == null ? from : data.start();
    }

    /** Writes the timeline, or a note when the run recorded no times at all. */
    static void render(Xml xml, ReportData data) {
        List<Instant> times = times(data);
        if (times.isEmpty()) {
            xml.element("p", "No times were recorded for this run, so there is no timeline.", "class", "note");
            return;
        }
        Instant min = times.get(0);
        Instant max = times.get(0);
        for (Instant t : times) {
            min = t.isBefore(min) ? t : min;
            max = t.isAfter(max) ? t : max;
        }
        if (!max.isAfter(min)) {
            max = min.plusSeconds(1);
        }
        new SvgTimeline(data, min, max).draw(xml);
    }

    private static List<Instant> times(ReportData data) {
        List<Instant> times = new ArrayList<>();
        add(times, data.start());
        add(times, data.end());
        for (ActionRow a : data.actions()) {
            add(times, a.actualStart());
            add(times, a.actualEnd());
            add(times, a.plannedStartAt(data.start()));
            add(times, a.plannedEndAt(data.start()));
        }
        for (RunEvent.StateChanged c : data.stateChanges()) {
            add(times, c.time());
        }
        add(times, data.stopTime());
        return times;
    }

    private static void add(List<Instant> times, Instant t) {
        if (t != null) {
            times.add(t);
        }
    }

    private void draw(Xml xml) {
        int rows = data.actions().size();
        double height = TOP + Math.max(rows, 1) * ROW + BOTTOM;
        xml.open("svg", "class", "timeline", "width", Xml.num(WIDTH), "height", Xml.num(height),
                "viewBox", "0 0 " + Xml.num(WIDTH) + " " + Xml.num(height), "role", "img",
                "aria-label", "Timeline of " + data.title());
        axis(xml, height);
        for (int i = 0; i < rows; i++) {
            row(xml, data.actions().get(i), TOP + i * ROW);
        }
        if (rows == 0) {
            xml.element("text", "No actions.", "class", "note", "x", Xml.num(LABEL_WIDTH + 4), "y", Xml.num(TOP + 16));
        }
        stateMarkers(xml, height);
        stopMarker(xml, height);
        xml.close();
    }

    private double x(Instant t) {
        double span = Text.seconds(Duration.between(from, to));
        return LABEL_WIDTH + Text.seconds(Duration.between(from, t)) / span * PLOT_WIDTH;
    }

    private void axis(Xml xml, double height) {
        double y = TOP - 6;
        xml.empty("line", "class", "axis", "x1", Xml.num(LABEL_WIDTH), "y1", Xml.num(y),
                "x2", Xml.num(LABEL_WIDTH + PLOT_WIDTH), "y2", Xml.num(y), "stroke", Palette.GREY);
        Duration step = tickStep(Duration.between(from, to));
        Duration first = Duration.between(origin, from);
        long k = Math.floorDiv(first.getSeconds(), step.getSeconds());
        // saturating steps: at the ends of Instant's range the loop stops instead of throwing
        for (Instant t = Text.plus(origin, step.multipliedBy(k)); !t.isAfter(to); ) {
            if (!t.isBefore(from)) {
                double tx = x(t);
                xml.empty("line", "class", "tick", "x1", Xml.num(tx), "y1", Xml.num(y),
                        "x2", Xml.num(tx), "y2", Xml.num(height - BOTTOM), "stroke", TICK_COLOUR);
                Duration offset = Duration.between(origin, t);
                xml.element("text", (offset.isNegative() ? "" : "+") + Text.duration(offset), "class", "tick-label",
                        "x", Xml.num(tx), "y", Xml.num(y - 4), "text-anchor", "middle");
            }
            Instant next = Text.plus(t, step);
            if (!next.isAfter(t)) {
                break;
            }
            t = next;
        }
    }

    /** The smallest round step that puts fewer than six steps on the span. */
    static Duration tickStep(Duration span) {
        for (long seconds : STEPS) {
            if (span.getSeconds() / seconds < TICKS) {
                return Duration.ofSeconds(seconds);
            }
        }
        long days = span.toDays() / TICKS + 1;
        return Duration.ofDays(days);
    }

    private void row(Xml xml, ActionRow a, double y) {
        double barY = y + (ROW - BAR) / 2;
        xml.element("text", Text.shorten(a.name(), LABEL_CHARS), "class", "action-label", "x", Xml.num(LABEL_WIDTH - 8),
                "y", Xml.num(barY + BAR - 3), "text-anchor", "end");
        Instant plannedStart = a.plannedStartAt(data.start());
        Instant plannedEnd = a.plannedEndAt(data.start());
        if (plannedStart != null && plannedEnd != null) {
            bar(xml, "planned", Palette.GREY, plannedStart, plannedEnd, barY - 2, BAR + 4,
                    a.name() + " planned: +" + Text.duration(a.plannedStart()) + " to +" + Text.duration(a.plannedEnd()));
        }
        if (a.actualStart() == null) {
            xml.element("text", a.state() == null ? "not reported" : "not started (" + a.stateName() + ")",
                    "class", "note", "x", Xml.num(LABEL_WIDTH + 4), "y", Xml.num(barY + BAR - 3));
            return;
        }
        Instant end = a.actualEnd() != null ? a.actualEnd() : data.end() != null ? data.end() : to;
        bar(xml, "bar s-" + a.stateName(), Palette.state(a.stateName()), a.actualStart(), end.isBefore(a.actualStart()) ? a.actualStart() : end,
                barY, BAR, a.name() + ": " + a.stateName() + (a.reason() == null ? "" : " (" + a.reason() + ")")
                        + ", " + Text.time(a.actualStart()) + " to " + (a.actualEnd() == null ? "no end recorded" : Text.time(a.actualEnd())));
    }

    private void bar(Xml xml, String cls, String fill, Instant start, Instant end, double y, double h, String title) {
        double x1 = x(start);
        double w = Math.max(2, x(end) - x1);
        xml.open("rect", "class", cls, "x", Xml.num(x1), "y", Xml.num(y), "width", Xml.num(w), "height", Xml.num(h),
                "fill", fill, "fill-opacity", "planned".equals(cls) ? PLANNED_OPACITY : null);
        xml.element("title", title);
        xml.close();
    }

    private void stateMarkers(Xml xml, double height) {
        int k = 0;
        for (RunEvent.StateChanged c : data.stateChanges()) {
            double mx = x(c.time());
            xml.open("line", "class", "state-marker s-" + c.to().wireName(), "x1", Xml.num(mx), "y1", Xml.num(TOP - 6),
                    "x2", Xml.num(mx), "y2", Xml.num(height - BOTTOM), "stroke", Palette.BLUE,
                    "stroke-dasharray", "2 2");
            xml.element("title", c.from().wireName() + " → " + c.to().wireName() + " at " + Text.time(c.time())
                    + (c.reason().isEmpty() ? "" : ": " + c.reason()));
            xml.close();
            boolean right = mx > LABEL_WIDTH + PLOT_WIDTH * 0.8;
            xml.element("text", c.to().wireName(), "class", "state-label", "x", Xml.num(right ? mx - 2 : mx + 2),
                    "y", Xml.num(12 + (k++ % 2) * 12), "text-anchor", right ? "end" : "start", "fill", Palette.BLUE);
        }
    }

    private void stopMarker(Xml xml, double height) {
        Instant at = stopTime();
        String label = stopLabel();
        if (at == null || label == null) {
            return;
        }
        double sx = x(at);
        xml.empty("line", "class", "stop-marker", "x1", Xml.num(sx), "y1", Xml.num(TOP - 6),
                "x2", Xml.num(sx), "y2", Xml.num(height - BOTTOM + 8), "stroke", Palette.RED, "stroke-width", "2");
        boolean right = sx > LABEL_WIDTH + PLOT_WIDTH / 2;
        double room = right ? sx - 8 : WIDTH - sx - 8;
        int chars = (int) Math.max(12, Math.min(STOP_LABEL_CHARS, room / STOP_LABEL_CHAR_WIDTH));
        xml.element("text", Text.shorten(label, chars), "class", "stop-label", "x", Xml.num(right ? sx - 4 : sx + 4),
                "y", Xml.num(height - BOTTOM + 22), "text-anchor", right ? "end" : "start", "fill", Palette.RED);
    }

    /** The stop request's time; else, for a run stopped without one, when it moved to stopping or stopped. */
    private Instant stopTime() {
        if (data.stopTime() != null) {
            return data.stopTime();
        }
        for (RunEvent.StateChanged c : data.stateChanges()) {
            if (c.to() == RunState.STOPPING || c.to() == RunState.STOPPED) {
                return c.time();
            }
        }
        return data.outcome().state() == RunState.STOPPED ? data.end() : null;
    }

    private String stopLabel() {
        if (data.stop() != null || data.outcome().stopSource().isPresent()) {
            return "Stop: " + Text.stopCause(data);
        }
        if (data.outcome().state() == RunState.STOPPED) {
            return "Stopped: " + data.outcome().reason().orElse("no reason given");
        }
        return null;
    }
}
