package dev.faultline.core.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.catalog.FisDuration;
import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.Evidence;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.StopSource;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.model.CheckPhase;
import dev.faultline.core.model.Comparison;
import dev.faultline.core.model.SteadyStateCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The journal's JSON of a {@link RunEvent} and of the {@link RunOutcome} a completed run
 * carries, complete enough to rebuild both (a failed run's error comes back as an
 * {@link EngineException} with the original type and message). Every subtype of the sealed
 * {@code RunEvent} has a form here; an unknown one is refused, never written half.
 */
final class EventCodec {

    private EventCodec() {}

    static ObjectNode write(ObjectMapper m, RunEvent e) {
        ObjectNode n = m.createObjectNode();
        n.put("type", e.getClass().getSimpleName());
        n.put("experimentId", e.experimentId());
        n.put("time", e.time().toString());
        if (e instanceof RunEvent.RunQueued s) {
            n.put("account", s.account()).put("ahead", s.ahead());
        } else if (e instanceof RunEvent.RunStarted s) {
            n.put("templateId", s.templateId()).put("attached", s.attached());
        } else if (e instanceof RunEvent.StateChanged s) {
            n.put("from", s.from().wireName()).put("to", s.to().wireName()).put("reason", s.reason());
        } else if (e instanceof RunEvent.ActionStateChanged s) {
            n.put("action", s.actionName()).put("from", s.from().wireName()).put("to", s.to().wireName())
                    .put("reason", s.reason());
        } else if (e instanceof RunEvent.StopRequested s) {
            n.put("source", s.source().name()).put("reason", s.reason());
        } else if (e instanceof RunEvent.HypothesisChecked s) {
            n.put("phase", s.phase().wireName());
            n.set("evidence", evidence(m, s.evidence()));
        } else if (e instanceof RunEvent.RunCompleted s) {
            n.set("outcome", outcome(m, s.outcome()));
        } else if (e instanceof RunEvent.RunFailed s) {
            n.put("errorType", s.error().getClass().getName());
            n.put("errorMessage", String.valueOf(s.error().getMessage()));
        } else {
            throw new JournalException("The run event type " + e.getClass().getName()
                    + " has no journal form; add it to " + EventCodec.class.getName());
        }
        return n;
    }

    static RunEvent read(JsonNode n) {
        String type = text(n, "type");
        String id = text(n, "experimentId");
        Instant time = Instant.parse(text(n, "time"));
        switch (type) {
            case "RunQueued":
                return new RunEvent.RunQueued(id, time, text(n, "account"), n.path("ahead").asInt());
            case "RunStarted":
                return new RunEvent.RunStarted(id, time, text(n, "templateId"), n.path("attached").asBoolean());
            case "StateChanged":
                return new RunEvent.StateChanged(id, time, RunState.fromWireName(text(n, "from")),
                        RunState.fromWireName(text(n, "to")), text(n, "reason"));
            case "ActionStateChanged":
                return new RunEvent.ActionStateChanged(id, time, text(n, "action"),
                        ActionState.fromWireName(text(n, "from")), ActionState.fromWireName(text(n, "to")),
                        text(n, "reason"));
            case "StopRequested":
                return new RunEvent.StopRequested(id, time, StopSource.valueOf(text(n, "source")), text(n, "reason"));
            case "HypothesisChecked":
                return new RunEvent.HypothesisChecked(id, time, CheckPhase.fromWireName(text(n, "phase")),
                        evidence(n.path("evidence")));
            case "RunCompleted":
                return new RunEvent.RunCompleted(id, time, outcome(n.path("outcome")));
            case "RunFailed":
                return new RunEvent.RunFailed(id, time,
                        new EngineException(text(n, "errorType") + ": " + text(n, "errorMessage")));
            default:
                throw new JournalException("Unknown run event type '" + type + "' in the journal");
        }
    }

    private static ObjectNode outcome(ObjectMapper m, RunOutcome o) {
        ObjectNode n = m.createObjectNode();
        n.put("experimentId", o.experimentId());
        n.put("templateId", o.templateId().orElse(null));
        n.put("state", o.state().wireName());
        n.put("reason", o.reason().orElse(null));
        n.put("errorCode", o.errorCode().orElse(null));
        n.put("errorLocation", o.errorLocation().orElse(null));
        n.put("startTime", o.startTime().map(Instant::toString).orElse(null));
        n.put("endTime", o.endTime().map(Instant::toString).orElse(null));
        ArrayNode actions = n.putArray("actions");
        for (ActionOutcome a : o.actions()) {
            actions.addObject().put("name", a.name()).put("actionId", a.actionId().orElse(null))
                    .put("state", a.state().wireName()).put("reason", a.reason().orElse(null))
                    .put("startTime", a.startTime().map(Instant::toString).orElse(null))
                    .put("endTime", a.endTime().map(Instant::toString).orElse(null));
        }
        n.put("stopSource", o.stopSource().map(Enum::name).orElse(null));
        n.put("stopReason", o.stopReason().orElse(null));
        if (o.verdict().isPresent()) {
            HypothesisVerdict v = o.verdict().get();
            ObjectNode vn = n.putObject("verdict");
            vn.put("verdict", v.verdict().name()).put("summary", v.summary());
            vn.set("evidence", evidence(m, v.evidence()));
            ArrayNode series = vn.putArray("series");
            for (MetricSeries s : v.series()) {
                ObjectNode sn = series.addObject();
                sn.set("condition", condition(m, s.condition()));
                ArrayNode points = sn.putArray("points");
                for (MetricPoint p : s.points()) {
                    ObjectNode pn = points.addObject().put("time", p.time().toString());
                    number(pn, "value", p.value());
                }
            }
        }
        return n;
    }

    private static RunOutcome outcome(JsonNode n) {
        RunOutcome.Builder b = RunOutcome.builder().experimentId(text(n, "experimentId"))
                .templateId(optional(n, "templateId")).state(RunState.fromWireName(text(n, "state")))
                .reason(optional(n, "reason")).errorCode(optional(n, "errorCode"))
                .errorLocation(optional(n, "errorLocation"))
                .startTime(optional(n, "startTime").map(Instant::parse))
                .endTime(optional(n, "endTime").map(Instant::parse))
                .stopSource(optional(n, "stopSource").map(StopSource::valueOf))
                .stopReason(optional(n, "stopReason"));
        for (JsonNode a : n.path("actions")) {
            b.addAction(ActionOutcome.builder().name(text(a, "name")).actionId(optional(a, "actionId"))
                    .state(ActionState.fromWireName(text(a, "state"))).reason(optional(a, "reason"))
                    .startTime(optional(a, "startTime").map(Instant::parse))
                    .endTime(optional(a, "endTime").map(Instant::parse)).build());
        }
        JsonNode v = n.path("verdict");
        if (v.isObject()) {
            HypothesisVerdict.Builder vb = HypothesisVerdict.builder().verdict(Verdict.valueOf(text(v, "verdict")))
                    .summary(text(v, "summary")).addAllEvidence(evidence(v.path("evidence")));
            for (JsonNode s : v.path("series")) {
                List<MetricPoint> points = new ArrayList<>();
                for (JsonNode p : s.path("points")) {
                    points.add(new MetricPoint(Instant.parse(text(p, "time")), number(p.path("value"))));
                }
                vb.addSeries(new MetricSeries(condition(s.path("condition")), points));
            }
            b.verdict(vb.build());
        }
        return b.build();
    }

    private static ArrayNode evidence(ObjectMapper m, List<Evidence> evidence) {
        ArrayNode out = m.createArrayNode();
        for (Evidence e : evidence) {
            ObjectNode n = out.addObject();
            n.set("condition", condition(m, e.condition()));
            n.put("phase", e.phase().wireName()).put("time", e.time().toString());
            if (e.value().isPresent()) {
                number(n, "value", e.value().getAsDouble());
            } else {
                n.putNull("value");
            }
        }
        return out;
    }

    private static List<Evidence> evidence(JsonNode array) {
        List<Evidence> out = new ArrayList<>();
        for (JsonNode n : array) {
            JsonNode value = n.path("value");
            out.add(new Evidence(condition(n.path("condition")), CheckPhase.fromWireName(text(n, "phase")),
                    Instant.parse(text(n, "time")),
                    value.isNull() || value.isMissingNode() ? OptionalDouble.empty() : OptionalDouble.of(number(value))));
        }
        return out;
    }

    private static ObjectNode condition(ObjectMapper m, SteadyStateCondition c) {
        ObjectNode n = m.createObjectNode();
        n.put("name", c.name().orElse(null)).put("namespace", c.namespace().orElse(null))
                .put("metricName", c.metricName().orElse(null));
        ObjectNode dims = n.putObject("dimensions");
        c.dimensions().forEach(dims::put);
        n.put("statistic", c.statistic().orElse(null)).put("period", c.period().toString())
                .put("comparison", c.comparison().map(Enum::name).orElse(null));
        if (c.threshold().isPresent()) {
            number(n, "threshold", c.threshold().get());
        } else {
            n.putNull("threshold");
        }
        ArrayNode phases = n.putArray("phases");
        c.phases().forEach(p -> phases.add(p.wireName()));
        return n;
    }

    private static SteadyStateCondition condition(JsonNode n) {
        SteadyStateCondition.Builder b = SteadyStateCondition.builder().name(optional(n, "name"))
                .namespace(optional(n, "namespace")).metricName(optional(n, "metricName"))
                .statistic(optional(n, "statistic")).period(FisDuration.parse(text(n, "period")))
                .comparison(optional(n, "comparison").map(Comparison::valueOf));
        for (Map.Entry<String, JsonNode> d : n.path("dimensions").properties()) {
            b.putDimension(d.getKey(), d.getValue().asText());
        }
        JsonNode threshold = n.path("threshold");
        if (!threshold.isNull() && !threshold.isMissingNode()) {
            b.threshold(number(threshold));
        }
        EnumSet<CheckPhase> phases = EnumSet.noneOf(CheckPhase.class);
        for (JsonNode p : n.path("phases")) {
            phases.add(CheckPhase.fromWireName(p.asText()));
        }
        return b.phases(phases).build();
    }

    /** A finite number as a number; NaN and the infinities, which JSON cannot hold, as their names. */
    private static void number(ObjectNode n, String field, double value) {
        if (Double.isFinite(value)) {
            n.put(field, value);
        } else {
            n.put(field, Double.toString(value));
        }
    }

    private static double number(JsonNode n) {
        return n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new JournalException("The journal entry has no text field '" + field + "'");
        }
        return v.asText();
    }

    static Optional<String> optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
