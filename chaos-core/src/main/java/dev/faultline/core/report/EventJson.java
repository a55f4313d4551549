package dev.faultline.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.core.engine.RunEvent;
import java.util.List;

/** The JSON of a run's events: one object per event, with a {@code type} and its own fields. */
final class EventJson {

    private EventJson() {}

    static ArrayNode events(ObjectMapper mapper, List<RunEvent> events) {
        ArrayNode out = mapper.createArrayNode();
        for (RunEvent e : events) {
            ObjectNode n = out.addObject();
            n.put("type", e.getClass().getSimpleName());
            n.put("time", Text.time(e.time()));
            fields(mapper, n, e);
        }
        return out;
    }

    private static void fields(ObjectMapper mapper, ObjectNode n, RunEvent e) {
        if (e instanceof RunEvent.RunQueued s) {
            n.put("account", s.account()).put("ahead", s.ahead());
        } else if (e instanceof RunEvent.RunStarted s) {
            n.put("templateId", s.templateId().isEmpty() ? null : s.templateId());
            n.put("attached", s.attached());
        } else if (e instanceof RunEvent.StateChanged s) {
            n.put("from", s.from().wireName()).put("to", s.to().wireName());
            n.put("reason", s.reason().isEmpty() ? null : s.reason());
        } else if (e instanceof RunEvent.ActionStateChanged s) {
            n.put("action", s.actionName()).put("from", s.from().wireName()).put("to", s.to().wireName());
            n.put("reason", s.reason().isEmpty() ? null : s.reason());
        } else if (e instanceof RunEvent.StopRequested s) {
            n.put("source", s.source().name()).put("reason", s.reason());
        } else if (e instanceof RunEvent.HypothesisChecked s) {
            n.put("phase", s.phase().wireName()).put("held", s.held());
            n.set("evidence", VerdictJson.evidence(mapper, s.evidence()));
        } else if (e instanceof RunEvent.RunCompleted s) {
            n.put("state", s.outcome().state().wireName());
        } else if (e instanceof RunEvent.RunFailed s) {
            n.put("error", String.valueOf(s.error()));
        }
    }
}
