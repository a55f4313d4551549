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

    private SvgChart(MetricSeries series, List<MetricPoint> points, double low, double high) {
        this.series = series;
        this.points = points;
        Instant first = points.isEmpty() ? Instant.EPOCH : points.get(0).time();
        Instant last = first;
        for (MetricPoint p : points) {
            first = p.time().isBefore(first) ? p.time() : first;
            last = p.time().isAfter(last) ? p.time() : last;
        }
        Duration pad = series.condition().period().dividedBy(2);
        boolean flat = !last.isAfter(first);
        this.from = flat ? first.minus(pad.isZero() ? Duration.ofSeconds(1) : pad) : first;
        this.to = flat ? last.plus(pad.isZero() ? Duration.ofSeconds(1) : pad) : last;
        this.low = low;
        this.high = high;
    }

    /** Writes the chart of one series. */
    static void render(Xml xml, MetricSeries series) {
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
        new SvgChart(series, finite, low - pad, high + pad).draw(xml);
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

    private void xLabels(Xml xml) {
        double y = HEIGHT - BOTTOM + 14;
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
            xml.element("title", p.time() + ": " + Text.number(p.value()) + (breach ? " (breach)" : ""));
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
