package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.engine.EngineException;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/report.md names every field the JSON report writes, so the schema description does not rot. */
class ReportDocsTest {

    private static final Path DOCS = Path.of("../docs/report.md");
    /** Objects whose keys are data (tag names, dimension names, target names), not schema fields. */
    private static final Set<String> MAPS = Set.of("tags", "dimensions", "resolvedTargets");

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isArray()) {
            node.forEach(child -> collect(child, out));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                out.add(field.getKey());
                if (!MAPS.contains(field.getKey())) {
                    collect(field.getValue(), out);
                }
            }
        }
    }

    private static Set<String> emittedFields() throws IOException {
        RunOutcome everyEvent = RunOutcome.builder().from(Runs.completedHeld())
                .addEvent(new RunEvent.RunFailed(Runs.ID, Runs.at(500), new EngineException("lost")))
                .addEvent(new RunEvent.RunCompleted(Runs.ID, Runs.at(501), Runs.completedWithoutHypothesis()))
                .build();
        Set<String> fields = new TreeSet<>();
        for (RunOutcome o : List.of(everyEvent, Runs.stoppedByCaller(), Runs.failedTargetResolution(), Runs.refuted())) {
            String json = RunReport.of(Runs.experiment(true), o, Runs.preflight()).toJson();
            collect(new ObjectMapper().readTree(json), fields);
        }
        return fields;
    }

    @Test
    void docs_nameEveryJsonField() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);
        Set<String> fields = emittedFields();

        assertThat(fields).as("the scan finds the fields").contains("schema", "startOffsetMillis", "breached", "attached")
                .hasSizeGreaterThan(60);
        Set<String> undocumented = new TreeSet<>();
        for (String field : fields) {
            if (!docs.contains("`" + field + "`")) {
                undocumented.add(field);
            }
        }
        assertThat(undocumented).as("fields missing from docs/report.md").isEmpty();
    }

    @Test
    void docs_nameEveryEventType() throws IOException {
        String docs = Files.readString(DOCS, StandardCharsets.UTF_8);

        for (Class<?> type : RunEvent.class.getPermittedSubclasses()) {
            assertThat(docs).contains("| `" + type.getSimpleName() + "` |");
        }
    }

    @Test
    void docs_showTheSchemaName() throws IOException {
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).contains("`" + ReportJson.SCHEMA + "`");
    }
}
