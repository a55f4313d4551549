package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.engine.Preflight;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/report.md: "Every field is always present; what is not known is null", at every level of
 * report.json, not only the top: every object at the same place (and, in {@code events[]}, of
 * the same {@code type}) has the same fields in every report and every array element.
 */
class ReportJsonShapeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Objects that are maps (their keys are data, such as target names), not records with fields. */
    private static final java.util.Set<String> MAPS = java.util.Set.of("/preflight/resolvedTargets", "/experiment/tags");

    /** Where an object sits: its path with array indexes as {@code []}, and an event's type. */
    private static void shapes(JsonNode node, String path, String where, Map<String, TreeSet<String>> out,
            List<String> problems) {
        if (node.isArray()) {
            node.forEach(e -> shapes(e, path + "[]", where, out, problems));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (MAPS.contains(path)) {
            node.properties().forEach(f -> shapes(f.getValue(), path + "/*", where, out, problems));
            return;
        }
        String key = node.has("type") && node.get("type").isTextual() ? path + "{type=" + node.get("type").asText() + "}" : path;
        TreeSet<String> fields = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            fields.add(it.next());
        }
        TreeSet<String> before = out.putIfAbsent(key, fields);
        if (before != null && !before.equals(fields)) {
            problems.add(key + " in " + where + ": fields " + fields + ", elsewhere " + before);
        }
        node.properties().forEach(f -> shapes(f.getValue(), key + "/" + f.getKey(), where, out, problems));
    }

    @Test
    void everyObject_hasTheSameFields_inEveryReport_atEveryLevel() throws IOException {
        Map<String, TreeSet<String>> seen = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<RunOutcome> outcomes = List.of(Runs.completedHeld(), Runs.stoppedByCaller(), Runs.failedTargetResolution(),
                Runs.refuted(), Runs.completedWithoutHypothesis());
        int reports = 0;
        for (boolean hypothesis : new boolean[] {true, false}) {
            Experiment experiment = Runs.experiment(hypothesis);
            for (RunOutcome outcome : outcomes) {
                for (Preflight preflight : new Preflight[] {null, Runs.preflight(), Runs.failedPreflight()}) {
                    RunReport report = preflight == null ? RunReport.of(experiment, outcome)
                            : RunReport.of(experiment, outcome, preflight);
                    shapes(MAPPER.readTree(report.toJson()), "", outcome.state() + "/" + hypothesis + "/"
                            + (preflight == null ? "no preflight" : "preflight"), seen, problems);
                    reports++;
                }
            }
        }
        assertThat(problems).as("objects whose fields differ").isEmpty();
        assertThat(reports).isEqualTo(30);
        // the comparison covered the nested levels, not only the top
        assertThat(seen.keySet()).contains("", "/experiment", "/actions[]", "/actions[]/planned", "/actions[]/actual",
                "/stop", "/preflight", "/preflight/checks[]", "/verdict")
                .anyMatch(k -> k.startsWith("/events[]{type="))
                .anyMatch(k -> k.startsWith("/verdict/"));
    }
}
