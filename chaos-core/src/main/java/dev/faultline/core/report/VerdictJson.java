package dev.faultline.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisEvaluator;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.model.SteadyStateCondition;
import java.util.List;

/** The JSON of a hypothesis verdict: the verdict, its evidence and its metric series. */
final class VerdictJson {

    private VerdictJson() {}

    static ObjectNode verdict(ObjectMapper mapper, HypothesisVerdict v) {
        ObjectNode n = mapper.createObjectNode();
        n.put("verdict", v.verdict().name());
        n.put("summary", v.summary());
        n.set("evidence", evidence(mapper, v.evidence()));
        ArrayNode series = n.putArray("series");
        for (MetricSeries s : v.series()) {
            ObjectNode sn = series.addObject();
            sn.set("condition", condition(mapper, s.condition()));
            ArrayNode points = sn.putArray("points");
            for (MetricPoint p : s.points()) {
                ObjectNode pn = points.addObject();
                pn.put("time", Text.time(p.time()));
                putNumber(pn, "value", p.value());
                pn.put("breached", breaches(s.condition(), p.value()));
            }
        }
        return n;
    }

    /**
     * Evidence as JSON: one object per reading.
     *
     * @param mapper the mapper
     * @param evidence the readings
     * @return the array
     */
    static ArrayNode evidence(ObjectMapper mapper, List<Evidence> evidence) {
        ArrayNode out = mapper.createArrayNode();
        for (Evidence e : evidence) {
            ObjectNode n = out.addObject();
            n.put("condition", e.label());
            n.put("phase", e.phase().wireName());
            n.put("time", Text.time(e.time()));
            if (e.value().isPresent()) {
                putNumber(n, "value", e.value().getAsDouble());
            } else {
                n.putNull("value");
            }
            n.put("comparison", e.condition().comparison().map(Enum::name).orElse(null));
            n.put("threshold", e.condition().threshold().orElse(null));
            n.put("result", result(e));
        }
        return out;
    }

    /**
     * What a reading says.
     *
     * @param e the reading
     * @return {@code held}, {@code breached} or {@code missing}
     */
    static String result(Evidence e) {
        if (e.missing()) {
            return "missing";
        }
        return e.breached() ? "breached" : "held";
    }

    private static ObjectNode condition(ObjectMapper mapper, SteadyStateCondition c) {
        ObjectNode n = mapper.createObjectNode();
        n.put("label", HypothesisEvaluator.label(c));
        n.put("name", c.name().orElse(null));
        n.put("namespace", c.namespace().orElse(null));
        n.put("metricName", c.metricName().orElse(null));
        ObjectNode dims = n.putObject("dimensions");
        c.dimensions().forEach(dims::put);
        n.put("statistic", c.statistic().orElse(null));
        n.put("period", c.period().toString());
        n.put("comparison", c.comparison().map(Enum::name).orElse(null));
        n.put("threshold", c.threshold().orElse(null));
        return n;
    }

    /**
     * Tells whether a value breaks a condition that has a threshold and a comparison.
     *
     * @param c the condition
     * @param value the value
     * @return false for a condition with no threshold or comparison, or a value that is not a number
     */
    static boolean breaches(SteadyStateCondition c, double value) {
        return c.comparison().isPresent() && c.threshold().isPresent() && Double.isFinite(value)
                && !c.holdsFor(value);
    }

    /** A finite number as a number; NaN and infinities, which JSON cannot hold, as null. */
    private static void putNumber(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, Text.rounded(value));
        } else {
            n.putNull(field);
        }
    }
}
