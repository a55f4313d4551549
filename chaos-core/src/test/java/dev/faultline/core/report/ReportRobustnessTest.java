package dev.faultline.core.report;

import static dev.faultline.core.report.Runs.ID;
import static dev.faultline.core.report.Runs.TEMPLATE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.engine.ActionOutcome;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Experiment;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports never throw whatever the data (times at the ends of {@link Instant}'s range), cut
 * long user text in HTML and Markdown (never in JSON), and neutralise bidirectional controls.
 */
class ReportRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> extremeTimes() {
        Instant min = Instant.MIN;
        Instant max = Instant.MAX;
        Instant t0 = Runs.T0;
        return Stream.of(Arguments.of(t0, t0.plusSeconds(10_000_000_000_000_000L)), Arguments.of(min, max),
                Arguments.of(max, min), Arguments.of(t0, t0), Arguments.of(t0.minusSeconds(10_000_000_000_000_000L), t0));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @MethodSource("extremeTimes")
    void everyFormat_rendersRunsWhoseTimesAreFarApart(Instant start, Instant end) throws Exception {
        Instant[] times = {start, end};
        RunOutcome outcome = RunOutcome.builder().experimentId(ID).templateId(TEMPLATE).state(RunState.COMPLETED)
                .reason("done").startTime(times[0]).endTime(times[1])
                .addAction(ActionOutcome.builder().name("stop-workers").actionId("aws:ec2:stop-instances")
                        .state(ActionState.COMPLETED).startTime(times[0]).endTime(times[1]).build())
                .addEvent(new RunEvent.StateChanged(ID, times[1], RunState.RUNNING, RunState.COMPLETED, "done"))
                .build();
        RunReport report = RunReport.of(Runs.experiment(true), outcome, Runs.preflight());

        String json = report.toJson();
        assertThat(report.toHtml()).contains("</html>");
        assertThat(report.toMarkdown()).contains("stop-workers");
        JsonNode tree = JSON.readTree(json);
        assertThat(tree.isObject()).isTrue();
    }

    @Test
    void longUserText_isCutInHtmlAndMarkdown_keptWholeInJson() throws Exception {
        String description = "d".repeat(Escape.MAX_TEXT) + "TAIL-" + "x".repeat(50_000);
        Experiment e = Experiment.builder().from(Runs.experiment(true)).description(description).build();
        RunReport report = RunReport.of(e, Runs.stoppedByCaller());

        assertThat(report.toHtml()).doesNotContain("TAIL-").contains("50005 more characters; the full text is in report.json");
        assertThat(report.toMarkdown()).doesNotContain("TAIL-").contains("50005 more characters");
        assertThat(JSON.readTree(report.toJson()).toString()).contains(description);
    }

    @Test
    void textAtTheBound_isKept() {
        String exact = "y".repeat(Escape.MAX_TEXT);
        assertThat(Escape.bounded(exact)).isEqualTo(exact);
        assertThat(Escape.bounded(exact + "z")).startsWith(exact).endsWith("(1 more characters; the full text is in report.json)");
        String emoji = "\uD83D\uDD25".repeat(Escape.MAX_TEXT);
        assertThat(Escape.bounded(emoji)).isEqualTo(emoji);
    }

    @Test
    void bidirectionalControls_areMadeVisible_inEveryHumanFormat() {
        String spoof = "invoice\u202Egpj.exe \u2066x\u2069 \u200F\u061C";
        assertThat(Escape.xml(spoof)).isEqualTo("invoice[U+202E]gpj.exe [U+2066]x[U+2069] [U+200F][U+061C]");
        assertThat(Escape.markdown(spoof)).isEqualTo("invoice[U+202E]gpj.exe [U+2066]x[U+2069] [U+200F][U+061C]");
        Experiment e = Experiment.builder().from(Runs.experiment(true)).description(spoof).build();
        RunReport report = RunReport.of(e, Runs.completedHeld());
        for (String text : new String[] {report.toHtml(), report.toMarkdown()}) {
            assertThat(text.chars().filter(c -> Escape.bidiControl((char) c)).count()).isZero();
            assertThat(text).contains("[U+202E]");
        }
        assertThat(report.toJson()).contains("\u202E");
    }
}
