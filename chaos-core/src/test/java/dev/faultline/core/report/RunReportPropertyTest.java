package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import dev.faultline.core.testing.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * On any experiment and outcome, however partial or hostile, a report renders in every format:
 * the JSON parses with the stable top-level fields, the HTML is well-formed XML with no script,
 * and every Markdown table row has as many cells as its header.
 */
class RunReportPropertyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static LongStream seeds() {
        return Seeds.cases("run-report");
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void anyRun_rendersInEveryFormat(long seed) throws IOException {
        RandomRuns gen = new RandomRuns(seed);
        Experiment experiment = gen.experiment();
        RunOutcome outcome = gen.outcome(experiment);
        RunReport report = seed % 2 == 0 ? RunReport.of(experiment, outcome)
                : RunReport.of(experiment, outcome, gen.preflight());

        JsonNode json = MAPPER.readTree(report.toJson());
        assertThat(json.get("schema").asText()).isEqualTo("faultline-run-report/1");
        // one row per action name: the outcome's first action of each name, then the experiment's others
        Map<String, ActionOutcome> firstOfName = new LinkedHashMap<>();
        outcome.actions().forEach(a -> firstOfName.putIfAbsent(a.name(), a));
        Set<String> names = new HashSet<>(firstOfName.keySet());
        names.addAll(experiment.actions().keySet());
        assertThat(json.get("actions").size()).isEqualTo(names.size());
        assertThat(json.get("events").size()).isEqualTo(outcome.events().size());

        String html = report.toHtml();
        Xhtml page = Xhtml.parse(html);
        assertThat(page.count("//script")).isZero();
        assertThat(html).doesNotContain("<script");
        int started = (int) firstOfName.values().stream().filter(a -> a.startTime().isPresent()).count();
        assertThat(page.count("//svg[@class='timeline']/rect[starts-with(@class,'bar ')]"))
                .as("one bar per row whose action started").isEqualTo(started);

        assertTablesAreRectangular(report.toMarkdown());
    }

    private static void assertTablesAreRectangular(String markdown) {
        List<Integer> table = new ArrayList<>();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("|")) {
                table.add(unescapedPipes(line));
            } else if (!table.isEmpty()) {
                assertThat(table).as("cells per row of a table in\n%s", markdown).containsOnly(table.get(0));
                table.clear();
            }
        }
    }

    private static int unescapedPipes(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                count++;
            }
        }
        return count;
    }
}
