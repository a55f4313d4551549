package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.core.FaultlineException;
import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.model.Action;
import dev.faultline.core.model.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    @TempDir
    Path dir;

    @Test
    void writeTo_createsTheDirectoryAndWritesTheThreeFormats() throws IOException {
        RunReport report = RunReport.of(Runs.experiment(true), Runs.completedHeld(), Runs.preflight());
        Path target = dir.resolve("reports").resolve(Runs.ID);

        ReportFiles files = report.writeTo(target);

        assertThat(files.json()).isEqualTo(target.resolve("report.json"));
        assertThat(files.markdown()).isEqualTo(target.resolve("report.md"));
        assertThat(files.html()).isEqualTo(target.resolve("report.html"));
        assertThat(Files.readString(files.json(), StandardCharsets.UTF_8)).isEqualTo(report.toJson());
        assertThat(Files.readString(files.markdown(), StandardCharsets.UTF_8)).isEqualTo(report.toMarkdown());
        assertThat(Files.readString(files.html(), StandardCharsets.UTF_8)).isEqualTo(report.toHtml());
    }

    @Test
    void writeTo_twice_replacesTheFiles() throws IOException {
        RunReport.of(Runs.experiment(true), Runs.completedHeld()).writeTo(dir);

        ReportFiles files = RunReport.of(Runs.experiment(true), Runs.refuted()).writeTo(dir);

        assertThat(Files.readString(files.markdown(), StandardCharsets.UTF_8)).contains("hypothesis REFUTED");
    }

    @Test
    void writeTo_aPathThatIsAFile_failsNamingThePath() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        RunReport report = RunReport.of(Runs.experiment(true), Runs.completedHeld());

        assertThatThrownBy(() -> report.writeTo(file)).isInstanceOf(ReportException.class)
                .isInstanceOf(FaultlineException.class).hasMessageContaining(file.toString())
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void of_nullArguments_areRejectedByName() {
        assertThatThrownBy(() -> RunReport.of(null, Runs.completedHeld())).isInstanceOf(NullPointerException.class)
                .hasMessage("experiment");
        assertThatThrownBy(() -> RunReport.of(Runs.experiment(true), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("outcome");
        assertThatThrownBy(() -> RunReport.of(Runs.experiment(true), Runs.completedHeld(), null))
                .isInstanceOf(NullPointerException.class).hasMessage("preflight");
        assertThatThrownBy(() -> RunReport.of(Runs.experiment(true), Runs.completedHeld()).writeTo(null))
                .isInstanceOf(NullPointerException.class).hasMessage("directory");
    }

    @Test
    void withPreflight_returnsANewReport_andLeavesThisOneAlone() {
        RunReport plain = RunReport.of(Runs.experiment(true), Runs.completedHeld());

        RunReport with = plain.withPreflight(Runs.preflight());

        assertThat(plain.preflight()).isEmpty();
        assertThat(with.preflight()).contains(Runs.preflight());
        assertThat(with.outcome()).isSameAs(plain.outcome());
        assertThat(with.experiment()).isSameAs(plain.experiment());
        assertThat(plain.toJson()).contains("\"preflight\" : null");
    }

    @Test
    void toString_namesTheRunStateAndVerdict() {
        assertThat(RunReport.of(Runs.experiment(true), Runs.completedHeld()))
                .hasToString("RunReport[" + Runs.ID + " completed, hypothesis HELD]");
        assertThat(RunReport.of(Runs.experiment(true), Runs.failedTargetResolution()))
                .hasToString("RunReport[" + Runs.ID + " failed, no verdict]");
    }

    @Test
    void of_experimentWithoutAName_isTitledByTheExperimentId() throws IOException {
        Experiment unnamed = Experiment.builder().from(Runs.experiment(false)).name(java.util.Optional.empty()).build();

        RunReport report = RunReport.of(unnamed, Runs.completedWithoutHypothesis());

        assertThat(report.toMarkdown()).startsWith("# Experiment " + Runs.ID + ": COMPLETED");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.at("/experiment/name").isNull()).isTrue();
        assertThat(json.at("/experiment/title").asText()).isEqualTo("Experiment " + Runs.ID);
    }

    @Test
    void of_actionsInOnlyTheOutcomeOrOnlyTheExperiment_allGetARow() throws IOException {
        RunOutcome outcome = RunOutcome.builder().experimentId(Runs.ID).state(RunState.COMPLETED)
                .addAction(Runs.action("pause", "aws:fis:wait", ActionState.COMPLETED, 0L, 120L))
                .addAction(Runs.action("extra", "aws:fis:inject-api-internal-error", ActionState.COMPLETED, 0L, 60L))
                .build();

        JsonNode actions = new ObjectMapper().readTree(RunReport.of(Runs.experiment(false), outcome).toJson())
                .get("actions");

        assertThat(actions.findValuesAsText("name")).containsExactly("pause", "extra", "stop-workers");
        assertThat(actions.at("/1/planned/startOffset").isNull()).isTrue();
        assertThat(actions.at("/2/state").isNull()).isTrue();
        assertThat(actions.at("/2/actionId").asText()).isEqualTo("aws:ec2:stop-instances");
        assertThat(Xhtml.parse(RunReport.of(Runs.experiment(false), outcome).toHtml())
                .count("//svg[@class='timeline']/text[@class='note']")).isEqualTo(1);
    }

    @Test
    void of_unplannableExperiment_stillReports() throws IOException {
        Experiment odd = Experiment.builder()
                .putAction("a", Action.builder().actionId("aws:ec2:explode-instances").addStartAfter("b").build())
                .putAction("b", Action.builder().addStartAfter("a").build())
                .build();
        RunOutcome outcome = RunOutcome.builder().experimentId(Runs.ID).state(RunState.FAILED).build();

        RunReport report = RunReport.of(odd, outcome);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("actions")).hasSize(2);
        assertThat(json.at("/actions/0/planned/startOffset").isNull()).isTrue();
        assertThat(report.toMarkdown()).contains("| a | aws:ec2:explode-instances | unknown |");
        Xhtml.parse(report.toHtml());
    }

    @Test
    void of_emptyOutcomeAndEmptyExperiment_giveAReportThatSaysSo() {
        RunOutcome bare = RunOutcome.builder().experimentId("EXPbare").state(RunState.CANCELLED).build();

        RunReport report = RunReport.of(Experiment.builder().build(), bare);

        assertThat(report.toMarkdown()).contains("No actions.").contains("This experiment has no hypothesis.");
        Xhtml page = Xhtml.parse(report.toHtml());
        assertThat(page.text("//section[@id='actions']/p")).isEqualTo("No actions.");
        assertThat(page.count("//svg")).isZero();
        assertThat(report.toJson()).contains("\"actions\" : [ ]");
    }

    @Test
    void of_outOfOrderTimes_giveNoDurationButStillDraw() throws IOException {
        RunOutcome backwards = RunOutcome.builder().experimentId(Runs.ID).state(RunState.COMPLETED)
                .startTime(Runs.at(100)).endTime(Runs.at(10))
                .addAction(Runs.action("pause", "aws:fis:wait", ActionState.COMPLETED, 90L, 20L))
                .build();

        RunReport report = RunReport.of(Runs.experiment(false), backwards);

        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("duration").isNull()).isTrue();
        assertThat(json.at("/actions/0/actual/duration").isNull()).isTrue();
        assertThat(Xhtml.parse(report.toHtml()).count("//svg[@class='timeline']/rect[starts-with(@class,'bar ')]"))
                .isEqualTo(1);
        assertThat(List.of(report.toMarkdown().split("\n"))).contains("- **Duration:** unknown");
    }
}
