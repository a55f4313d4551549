package dev.faultline.core.report;

import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws one metric series as a small SVG line chart: the values as a line with a dot each, the
 * threshold as a dashed line, and the values that breach it marked.
 */
final class SvgChart {

    private static final double WIDTH = 380;
    private static final double HEIGHT = 180;
    private static final double LEFT = 56;
    private static final double RIGHT = 12;
    private static final double TOP = 28;
    private static final double BOTTOM = 28;
    private static final int TITLE_CHARS = 56;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final MetricSeries series;
    private final List<MetricPoint> points;
    private final Instant from;
    private final Instant to;
    private final double low;
    private final double high;

    private final Instant start;
    private final Instant end;

    private SvgChart(MetricSeries series, List<MetricPoint> points, double low, double high, Instant start, Instant end) {
        this.series = series;
        this.points = points;
        this.start = start;
        this.end = end;
        Instant first = points.isEmpty() ? (start != null ? start : Instant.EPOCH) : points.get(0).time();
        Instant last = first;
        for (MetricPoint p : points) {
            first = p.time().isBefore(first) ? p.time() : first;
            last = p.time().isAfter(last) ? p.time() : last;
        }
        for (Instant phase : new Instant[] {start, end}) {
            if (phase != null) {
                first = phase.isBefore(first) ? phase : first;
                last = phase.isAfter(last) ? phase : last;
            }
        }
        Duration pad = series.condition().period().dividedBy(2);
        boolean flat = !last.isAfter(first);
        this.from = flat ? first.minus(pad.isZero() ? Duration.ofSeconds(1) : pad) : first;
        this.to = flat ? last.plus(pad.isZero() ? Duration.ofSeconds(1) : pad) : last;
        this.low = low;
        this.high = high;
    }

    /** Writes the chart of one series, without the experiment's phases. */
    static void render(Xml xml, MetricSeries series) {
        render(xml, series, null, null);
    }

    /**
     * Writes the chart of one series on a time axis that spans the experiment too, with its
     * phases (before, during, after) as bands and the axis labelled, like the timeline above it,
     * as offsets from the experiment's start.
     */
    static void render(Xml xml, MetricSeries series, Instant start, Instant end) {
        List<MetricPoint> finite = new ArrayList<>();
        for (MetricPoint p : series.points()) {
            if (Double.isFinite(p.value())) {
                finite.add(p);
            }
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (MetricPoint p : finite) {
            low = Math.min(low, p.value());
            high = Math.max(high, p.value());
        }
        if (series.condition().threshold().isPresent() && Double.isFinite(series.condition().threshold().get())) {
            low = Math.min(low, series.condition().threshold().get());
            high = Math.max(high, series.condition().threshold().get());
        }
        if (low > high) {
            low = 0;
            high = 1;
        }
        double pad = high > low ? (high - low) * 0.1 : Math.max(1, Math.abs(high) * 0.1);
        new SvgChart(series, finite, low - pad, high + pad, start, end).draw(xml);
    }

    private void draw(Xml xml) {
        SteadyStateCondition c = series.condition();
        String label = HypothesisEvaluator.label(c);
        xml.open("svg", "class", "chart", "width", Xml.num(WIDTH), "height", Xml.num(HEIGHT),
                "viewBox", "0 0 " + Xml.num(WIDTH) + " " + Xml.num(HEIGHT), "role", "img",
                "aria-label", label + " against its threshold");
        xml.element("text", Text.shorten(label + c.statistic().map(s -> " (" + s + ")").orElse("")
                + ", steady when " + Text.threshold(c), TITLE_CHARS), "class", "chart-title", "x", Xml.num(LEFT), "y", "16");
        xml.empty("rect", "class", "plot", "x", Xml.num(LEFT), "y", Xml.num(TOP),
                "width", Xml.num(WIDTH - LEFT - RIGHT), "height", Xml.num(HEIGHT - TOP - BOTTOM),
                "fill", "#f6f8fa", "stroke", "#d0d7de");
        phases(xml);
        yLabels(xml);
        threshold(xml);
        if (points.isEmpty()) {
            xml.element("text", "no data", "class", "note", "x", Xml.num(WIDTH / 2), "y", Xml.num(HEIGHT / 2),
                    "text-anchor", "middle");
        } else {
            line(xml);
            xLabels(xml);
        }
        xml.close();
    }

    private double x(Instant t) {
        double span = Text.seconds(Duration.between(from, to));
        return LEFT + Text.seconds(Duration.between(from, t)) / span * (WIDTH - LEFT - RIGHT);
    }

    private double y(double value) {
        return HEIGHT - BOTTOM - (value - low) / (high - low) * (HEIGHT - TOP - BOTTOM);
    }

    private void yLabels(Xml xml) {
        xml.element("text", Text.number(round(high)), "class", "axis-label", "x", Xml.num(LEFT - 4),
                "y", Xml.num(TOP + 4), "text-anchor", "end");
        xml.element("text", Text.number(round(low)), "class", "axis-label", "x", Xml.num(LEFT - 4),
                "y", Xml.num(HEIGHT - BOTTOM), "text-anchor", "end");
    }

    /** Bands for before / during / after the experiment, when its start is known. */
    private void phases(Xml xml) {
        if (start == null) {
            return;
        }
        double top = TOP;
        double h = HEIGHT - TOP - BOTTOM;
        double xs = x(start);
        double xe = end == null ? WIDTH - RIGHT : x(end);
        band(xml, "phase before", LEFT, xs, top, h, "#ffffff", "before");
        band(xml, "phase during", xs, xe, top, h, "#fff1e5", "during");
        if (end != null) {
            band(xml, "phase after", xe, WIDTH - RIGHT, top, h, "#ffffff", "after");
        }
    }

    private void band(Xml xml, String cls, double x0, double x1, double top, double h, String fill, String label) {
        if (x1 - x0 < 1) {
            return;
        }
        xml.open("rect", "class", cls, "x", Xml.num(x0), "y", Xml.num(top), "width", Xml.num(x1 - x0),
                "height", Xml.num(h), "fill", fill, "fill-opacity", "0.8");
        xml.element("title", label);
        xml.close();
        if (x1 - x0 >= 34) {
            xml.element("text", label, "class", "phase-label", "x", Xml.num((x0 + x1) / 2), "y", Xml.num(top + 11),
                    "text-anchor", "middle", "fill", "#57606a");
        }
    }

    private void xLabels(Xml xml) {
        double y = HEIGHT - BOTTOM + 14;
        if (start != null) {
            xml.element("text", Text.offset(start, start).split(" ")[0], "class", "axis-label", "x", Xml.num(x(start)),
                    "y", Xml.num(y), "text-anchor", "middle");
            if (end != null && x(end) - x(start) >= 40) {
                xml.element("text", Text.offset(start, end).split(" ")[0], "class", "axis-label", "x", Xml.num(x(end)),
                        "y", Xml.num(y), "text-anchor", "middle");
            }
            return;
        }
        xml.element("text", CLOCK.format(points.get(0).time()), "class", "axis-label", "x", Xml.num(LEFT), "y", Xml.num(y));
        if (points.size() > 1) {
            xml.element("text", CLOCK.format(points.get(points.size() - 1).time()), "class", "axis-label",
                    "x", Xml.num(WIDTH - RIGHT), "y", Xml.num(y), "text-anchor", "end");
        }
    }

    private void threshold(Xml xml) {
        SteadyStateCondition c = series.condition();
        if (c.threshold().isEmpty() || !Double.isFinite(c.threshold().get())) {
            return;
        }
        double ty = y(c.threshold().get());
        xml.open("line", "class", "threshold", "x1", Xml.num(LEFT), "y1", Xml.num(ty), "x2", Xml.num(WIDTH - RIGHT),
                "y2", Xml.num(ty), "stroke", Palette.RED, "stroke-dasharray", "6 4");
        xml.element("title", "threshold " + Text.threshold(c));
        xml.close();
        xml.element("text", Text.threshold(c), "class", "threshold-label", "x", Xml.num(LEFT + 4),
                "y", Xml.num(ty - 3), "fill", Palette.RED);
    }

    private void line(Xml xml) {
        if (points.size() > 1) {
            StringBuilder coords = new StringBuilder();
            for (MetricPoint p : points) {
                coords.append(coords.length() == 0 ? "" : " ").append(Xml.num(x(p.time()))).append(',')
                        .append(Xml.num(y(p.value())));
            }
            xml.empty("polyline", "class", "series", "points", coords.toString(), "fill", "none",
                    "stroke", Palette.BLUE, "stroke-width", "1.5");
        }
        for (MetricPoint p : points) {
            boolean breach = VerdictJson.breaches(series.condition(), p.value());
            xml.open("circle", "class", breach ? "point breach" : "point", "cx", Xml.num(x(p.time())),
                    "cy", Xml.num(y(p.value())), "r", breach ? "4.5" : "2.5", "fill", breach ? Palette.RED : Palette.BLUE);
            xml.element("title", Text.time(p.time()) + ": " + Text.number(p.value()) + (breach ? " (breach)" : ""));
            xml.close();
        }
    }

    private static double round(double value) {
        if (!Double.isFinite(value) || Math.abs(value) >= 1e12) {
            return value;
        }
        double scale = Math.pow(10, Math.max(0, 3 - (int) Math.floor(Math.log10(Math.max(Math.abs(value), 1e-9)))));
        return Math.round(value * scale) / scale;
    }
}
