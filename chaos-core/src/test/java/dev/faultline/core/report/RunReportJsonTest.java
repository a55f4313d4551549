package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.engine.MetricPoint;
import dev.faultline.core.engine.MetricSeries;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.engine.HypothesisVerdict;
import dev.faultline.core.model.Experiment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(Experiment experiment, RunOutcome outcome) throws IOException {
        return MAPPER.readTree(RunReport.of(experiment, outcome).toJson());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void toJson_completedHeld_hasTheRunsFacts() throws IOException {
        JsonNode j = json(Runs.experiment(true), Runs.completedHeld());

        assertThat(j.get("schema").asText()).isEqualTo("faultline-run-report/1");
        assertThat(j.at("/experiment/name").asText()).isEqualTo("compute-node-loss");
        assertThat(j.at("/experiment/description").asText()).startsWith("Stop 20% of the workers");
        assertThat(j.at("/experiment/tags/team").asText()).isEqualTo("checkout");
        assertThat(j.get("experimentId").asText()).isEqualTo(Runs.ID);
        assertThat(j.get("templateId").asText()).isEqualTo(Runs.TEMPLATE);
        assertThat(j.get("state").asText()).isEqualTo("completed");
        assertThat(j.get("succeeded").asBoolean()).isTrue();
        assertThat(j.get("reason").asText()).isEqualTo("Experiment completed.");
        assertThat(j.get("error").isNull()).isTrue();
        assertThat(j.get("startTime").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
        assertThat(j.get("endTime").asText()).isEqualTo("2026-11-27T10:07:10.000Z");
        assertThat(j.get("duration").asText()).isEqualTo("PT7M10S");
        assertThat(j.get("durationMillis").asLong()).isEqualTo(430_000L);
        assertThat(j.get("plannedDuration").asText()).isEqualTo("PT7M");
        assertThat(j.get("stop").isNull()).isTrue();
        assertThat(j.get("preflight").isNull()).isTrue();
    }

    @Test
    void toJson_actions_havePlannedAndActualTimes() throws IOException {
        JsonNode actions = json(Runs.experiment(true), Runs.completedHeld()).get("actions");

        assertThat(actions).hasSize(2);
        JsonNode stop = actions.get(0);
        assertThat(stop.get("name").asText()).isEqualTo("stop-workers");
        assertThat(stop.get("actionId").asText()).isEqualTo("aws:ec2:stop-instances");
        assertThat(stop.get("state").asText()).isEqualTo("completed");
        assertThat(stop.at("/planned/startOffset").asText()).isEqualTo("PT0S");
        assertThat(stop.at("/planned/endOffset").asText()).isEqualTo("PT5M");
        assertThat(stop.at("/planned/start").asText()).isEqualTo("2026-11-27T10:00:00.000Z");
        assertThat(stop.at("/planned/end").asText()).isEqualTo("2026-11-27T10:05:00.000Z");
        assertThat(stop.at("/actual/start").asText()).isEqualTo("2026-11-27T10:00:05.000Z");
        assertThat(stop.at("/actual/end").asText()).isEqualTo("2026-11-27T10:05:10.000Z");
        assertThat(stop.at("/actual/durationMillis").asLong()).isEqualTo(305_000L);
        JsonNode pause = actions.get(1);
        assertThat(pause.at("/planned/startOffset").asText()).isEqualTo("PT5M");
        assertThat(pause.at("/planned/endOffsetMillis").asLong()).isEqualTo(420_000L);
    }

    @Test
    void toJson_heldVerdict_hasEvidenceAndSeries() throws IOException {
        JsonNode v = json(Runs.experiment(true), Runs.completedHeld()).get("verdict");

        assertThat(v.get("verdict").asText()).isEqualTo("HELD");
        assertThat(v.get("summary").asText()).contains("Every condition held");
        assertThat(v.get("evidence")).hasSize(3);
        assertThat(v.at("/evidence/1/condition").asText()).isEqualTo("ErrorRate");
        assertThat(v.at("/evidence/1/phase").asText()).isEqualTo("during");
        assertThat(v.at("/evidence/1/value").asDouble()).isEqualTo(0.6);
        assertThat(v.at("/evidence/1/threshold").asDouble()).isEqualTo(1.0);
        assertThat(v.at("/evidence/1/comparison").asText()).isEqualTo("LessThanThreshold");
        assertThat(v.at("/evidence/1/result").asText()).isEqualTo("held");
        JsonNode series = v.at("/series/0");
        assertThat(series.at("/condition/label").asText()).isEqualTo("ErrorRate");
        assertThat(series.at("/condition/namespace").asText()).isEqualTo("Checkout");
        assertThat(series.at("/condition/metricName").asText()).isEqualTo("5xxRate");
        assertThat(series.at("/condition/statistic").asText()).isEqualTo("Average");
        assertThat(series.at("/condition/period").asText()).isEqualTo("PT1M");
        assertThat(series.get("points")).hasSize(8);
        assertThat(series.get("points").findValues("breached")).allMatch(b -> !b.asBoolean());
    }

    @Test
    void toJson_refuted_marksTheBreachingPointsAndReadings() throws IOException {
        JsonNode j = json(Runs.experiment(true), Runs.refuted());

        assertThat(j.at("/verdict/verdict").asText()).isEqualTo("REFUTED");
        assertThat(j.get("succeeded").asBoolean()).isFalse();
        assertThat(j.at("/verdict/evidence/1/result").asText()).isEqualTo("breached");
        List<Boolean> breached = new ArrayList<>();
        j.at("/verdict/series/0/points").forEach(p -> breached.add(p.get("breached").asBoolean()));
        assertThat(breached).containsExactly(false, false, true, true, false);
        assertThat(j.at("/stop/source").asText()).isEqualTo("HYPOTHESIS");
        assertThat(j.at("/stop/time").asText()).isEqualTo("2026-11-27T10:04:00.000Z");
    }

    @Test
    void toJson_stoppedByCaller_hasTheStopAndTheCancelledAction() throws IOException {
        JsonNode j = json(Runs.experiment(true), Runs.stoppedByCaller());

        assertThat(j.get("state").asText()).isEqualTo("stopped");
        assertThat(j.at("/stop/source").asText()).isEqualTo("CALLER");
        assertThat(j.at("/stop/reason").asText()).isEqualTo("game day over");
        assertThat(j.at("/stop/time").asText()).isEqualTo("2026-11-27T10:03:00.000Z");
        assertThat(j.at("/actions/1/state").asText()).isEqualTo("cancelled");
        assertThat(j.at("/actions/1/actual/start").isNull()).isTrue();
        assertThat(j.at("/actions/1/actual/duration").isNull()).isTrue();
        assertThat(j.get("verdict").isNull()).isTrue();
    }

    @Test
    void toJson_failedBeforeAnyAction_hasTheErrorAndNullTimes() throws IOException {
        JsonNode j = json(Runs.experiment(true), Runs.failedTargetResolution());

        assertThat(j.get("state").asText()).isEqualTo("failed");
        assertThat(j.at("/error/code").asText()).isEqualTo("TargetResolutionFailed");
        assertThat(j.at("/error/location").asText()).isEqualTo("workers");
        assertThat(j.get("templateId").isNull()).isTrue();
        assertThat(j.get("startTime").isNull()).isTrue();
        assertThat(j.get("duration").isNull()).isTrue();
        assertThat(j.get("durationMillis").isNull()).isTrue();
        assertThat(j.at("/actions/0/planned/startOffset").asText()).isEqualTo("PT0S");
        assertThat(j.at("/actions/0/planned/start").isNull()).isTrue();
        assertThat(j.at("/actions/0/actual/start").isNull()).isTrue();
        assertThat(j.get("events")).isEmpty();
        assertThat(j.get("verdict").isNull()).isTrue();
    }

    @Test
    void toJson_everyReport_hasTheSameTopLevelFields() throws IOException {
        List<String> expected = List.of("schema", "experiment", "experimentId", "templateId", "state", "succeeded",
                "reason", "error", "startTime", "endTime", "duration", "durationMillis", "plannedDuration",
                "plannedDurationMillis", "actions", "stop", "preflight", "verdict", "events");
        for (RunOutcome o : List.of(Runs.completedHeld(), Runs.stoppedByCaller(), Runs.failedTargetResolution(),
                Runs.refuted(), Runs.completedWithoutHypothesis())) {
            assertThat(fields(json(Runs.experiment(true), o))).as(o.toString()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void toJson_events_haveTypeTimeAndTheirFields() throws IOException {
        JsonNode events = json(Runs.experiment(true), Runs.completedHeld()).get("events");

        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("RunStarted", "StateChanged", "StateChanged", "ActionStateChanged",
                "HypothesisChecked", "StateChanged");
        assertThat(events.at("/0/templateId").asText()).isEqualTo(Runs.TEMPLATE);
        assertThat(events.at("/0/attached").asBoolean()).isFalse();
        assertThat(events.at("/1/from").asText()).isEqualTo("pending");
        assertThat(events.at("/1/to").asText()).isEqualTo("initiating");
        assertThat(events.at("/1/reason").isNull()).isTrue();
        assertThat(events.at("/3/action").asText()).isEqualTo("stop-workers");
        assertThat(events.at("/3/to").asText()).isEqualTo("running");
        assertThat(events.at("/4/phase").asText()).isEqualTo("during");
        assertThat(events.at("/4/held").asBoolean()).isTrue();
        assertThat(events.at("/4/evidence/0/value").asDouble()).isEqualTo(0.6);
        assertThat(events.at("/5/time").asText()).isEqualTo("2026-11-27T10:07:10.000Z");
    }

    @Test
    void toJson_stopRequestEvent_hasSourceAndReason() throws IOException {
        JsonNode events = json(Runs.experiment(true), Runs.stoppedByCaller()).get("events");

        assertThat(events.at("/1/type").asText()).isEqualTo("StopRequested");
        assertThat(events.at("/1/source").asText()).isEqualTo("CALLER");
        assertThat(events.at("/1/reason").asText()).isEqualTo("game day over");
    }

    @Test
    void toJson_withPreflight_hasChecksViolationsAndResolvedTargets() throws IOException {
        JsonNode p = MAPPER.readTree(RunReport.of(Runs.experiment(true), Runs.completedHeld(), Runs.preflight())
                .toJson()).get("preflight");

        assertThat(p.get("passed").asBoolean()).isTrue();
        assertThat(p.get("checks")).hasSize(4);
        assertThat(p.at("/checks/1/name").asText()).isEqualTo("stop-conditions");
        assertThat(p.at("/checks/1/status").asText()).isEqualTo("PASSED");
        assertThat(p.at("/checks/3/status").asText()).isEqualTo("SKIPPED");
        assertThat(p.at("/violations/0/code").asText()).isEqualTo("team.owner-tag-missing");
        assertThat(p.at("/violations/0/severity").asText()).isEqualTo("WARNING");
        assertThat(p.at("/violations/0/hint").asText()).isEqualTo("Add an owner tag.");
        assertThat(p.at("/resolvedTargets/workers")).hasSize(2);
    }

    @Test
    void toJson_failedPreflight_saysItDidNotPass() throws IOException {
        JsonNode p = MAPPER.readTree(RunReport.of(Runs.experiment(true), Runs.failedTargetResolution(),
                Runs.failedPreflight()).toJson()).get("preflight");

        assertThat(p.get("passed").asBoolean()).isFalse();
        assertThat(p.at("/checks/1/status").asText()).isEqualTo("FAILED");
        assertThat(p.get("resolvedTargets")).isEmpty();
    }

    @Test
    void toJson_nonFiniteValues_areWrittenAsNull() throws IOException {
        MetricSeries series = new MetricSeries(Runs.ERROR_RATE, List.of(new MetricPoint(Runs.at(0), Double.NaN),
                new MetricPoint(Runs.at(60), Double.POSITIVE_INFINITY), new MetricPoint(Runs.at(120), 0.5)));
        RunOutcome outcome = RunOutcome.builder().from(Runs.completedHeld()).verdict(HypothesisVerdict.builder()
                .verdict(Verdict.INCONCLUSIVE).summary("odd data").addSeries(series).build()).build();

        JsonNode points = json(Runs.experiment(true), outcome).at("/verdict/series/0/points");

        assertThat(points.at("/0/value").isNull()).isTrue();
        assertThat(points.at("/1/value").isNull()).isTrue();
        assertThat(points.at("/1/breached").asBoolean()).isFalse();
        assertThat(points.at("/2/value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void toJson_userText_isKeptExactly() throws IOException {
        Experiment e = Experiment.builder().from(Runs.experiment(true)).name("<script>alert(1)</script>")
                .description("a | b\nc \"quoted\"").build();

        JsonNode j = json(e, Runs.completedHeld());

        assertThat(j.at("/experiment/name").asText()).isEqualTo("<script>alert(1)</script>");
        assertThat(j.at("/experiment/description").asText()).isEqualTo("a | b\nc \"quoted\"");
    }

    @Test
    void toJson_isPrettyPrintedAndEndsWithANewline() {
        String text = RunReport.of(Runs.experiment(false), Runs.completedWithoutHypothesis()).toJson();

        assertThat(text).startsWith("{\n  \"schema\" : \"faultline-run-report/1\",\n").endsWith("}\n");
        assertThat(text).doesNotContain("\r");
    }

    @Test
    void toJson_aQueuedRun_showsItsQueueEventAndTheQueuedToPendingChange() throws IOException {
        RunOutcome queued = RunOutcome.builder().from(Runs.completedHeld())
                .events(List.of(new dev.faultline.core.engine.RunEvent.RunQueued(Runs.ID, Runs.at(0),
                                "123456789012/us-east-1", 5),
                        Runs.changed(1, dev.faultline.core.engine.RunState.QUEUED,
                                dev.faultline.core.engine.RunState.PENDING, "admitted after PT1S in the queue")))
                .build();

        JsonNode events = json(Runs.experiment(true), queued).get("events");

        assertThat(events.at("/0/type").asText()).isEqualTo("RunQueued");
        assertThat(events.at("/0/account").asText()).isEqualTo("123456789012/us-east-1");
        assertThat(events.at("/0/ahead").asInt()).isEqualTo(5);
        assertThat(events.at("/1/from").asText()).isEqualTo("queued");
        assertThat(events.at("/1/to").asText()).isEqualTo("pending");
        assertThat(RunReport.of(Runs.experiment(true), queued).toMarkdown()).as("renders").isNotEmpty();
    }
}
