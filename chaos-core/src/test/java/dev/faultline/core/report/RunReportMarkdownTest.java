package dev.faultline.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.ActionState;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.model.Experiment;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunReportMarkdownTest {

    private static String markdown(RunOutcome outcome) {
        return RunReport.of(Runs.experiment(true), outcome).toMarkdown();
    }

    private static List<String> lines(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void toMarkdown_headline_namesTheStateAndTheVerdict() {
        assertThat(markdown(Runs.completedHeld())).startsWith("# compute-node-loss: COMPLETED, hypothesis HELD\n");
        assertThat(markdown(Runs.refuted())).startsWith("# compute-node-loss: STOPPED, hypothesis REFUTED\n");
        assertThat(markdown(Runs.failedTargetResolution())).startsWith("# compute-node-loss: FAILED\n");
    }

    @Test
    void toMarkdown_actionsTable_hasARowPerActionWithPlannedAndActualTimes() {
        String md = markdown(Runs.completedHeld());

        assertThat(md).contains("| Action | Action id | State | Planned start | Actual start | Actual end | Reason |");
        assertThat(md).contains("| stop-workers | aws:ec2:stop-instances | completed | +0s | +5s (2026-11-27T10:00:05.000Z)"
                + " | +5m 10s (2026-11-27T10:05:10.000Z) |  |");
        assertThat(md).contains("| pause | aws:fis:wait | completed | +5m | +5m 10s");
    }

    @Test
    void toMarkdown_stateChanges_areListedInOrder() {
        List<String> changes = lines(markdown(Runs.stoppedByCaller()), "- 2026-");

        assertThat(changes).containsExactly("- 2026-11-27T10:00:05.000Z pending → running",
                "- 2026-11-27T10:03:05.000Z running → stopping: Stopping.",
                "- 2026-11-27T10:03:20.000Z stopping → stopped: Experiment stopped by user.");
    }

    @Test
    void toMarkdown_stopped_saysWhoStoppedItWhyAndWhen() {
        assertThat(markdown(Runs.stoppedByCaller()))
                .contains("- **Stopped by:** CALLER: game day over at +3m (2026-11-27T10:03:00.000Z)");
    }

    @Test
    void toMarkdown_failedBeforeAnyAction_saysWhatIsUnknown() {
        String md = markdown(Runs.failedTargetResolution());

        assertThat(md).contains("- **Error:** TargetResolutionFailed at workers")
                .contains("- **Started:** unknown")
                .contains("- **Duration:** unknown")
                .contains("| stop-workers | aws:ec2:stop-instances | cancelled | +0s |  |  |  |")
                .contains("None recorded.")
                .contains("No verdict: the run ended before the hypothesis was judged.");
    }

    @Test
    void toMarkdown_noHypothesis_saysSo() {
        String md = RunReport.of(Runs.experiment(false), Runs.completedWithoutHypothesis()).toMarkdown();

        assertThat(md).startsWith("# compute-node-loss: COMPLETED\n").contains("This experiment has no hypothesis.");
    }

    @Test
    void toMarkdown_evidenceTable_hasEveryReadingWithItsResult() {
        String md = markdown(Runs.refuted());

        assertThat(md).contains("**REFUTED**: Breached: ErrorRate (during): 4.5, must be \\< 1: BREACHED");
        assertThat(lines(md, "| ErrorRate |")).containsExactly(
                "| ErrorRate | before | 2026-11-27T10:00:00.000Z | 0.2 | \\< 1 | held |",
                "| ErrorRate | during | 2026-11-27T10:04:00.000Z | 4.5 | \\< 1 | breached |",
                "| ErrorRate | after | 2026-11-27T10:08:00.000Z | 0.4 | \\< 1 | held |");
    }

    @Test
    void toMarkdown_preflight_isATableOfChecksWithTheResolvedTargets() {
        String md = RunReport.of(Runs.experiment(true), Runs.completedHeld(), Runs.preflight()).toMarkdown();

        assertThat(md).contains("## Preflight: passed")
                .contains("| stop-conditions | PASSED | 1 alarm OK |")
                .contains("| permissions | SKIPPED | No IAM client. |")
                .contains("- Target workers resolved to 2 resources: arn:aws:ec2:eu-west-1:123456789012:instance/i-1");
        assertThat(RunReport.of(Runs.experiment(true), Runs.failedTargetResolution(), Runs.failedPreflight())
                .toMarkdown()).contains("## Preflight: FAILED").contains("| stop-conditions | FAILED |");
        assertThat(markdown(Runs.completedHeld())).doesNotContain("Preflight");
    }

    @Test
    void toMarkdown_pipesAndNewlinesInUserText_stayInsideTheirCell() {
        RunOutcome outcome = RunOutcome.builder().from(Runs.stoppedByCaller())
                .actions(List.of(Runs.action("stop|workers", "aws:ec2:stop-instances", ActionState.STOPPED, 5L, 195L)))
                .build();
        RunOutcome withReason = RunOutcome.builder().from(outcome).actions(List.of(
                dev.faultline.core.engine.ActionOutcome.builder().from(outcome.actions().get(0))
                        .reason("first line\nsecond | line\r\nthird").build())).build();

        String row = lines(RunReport.of(Runs.experiment(true), withReason).toMarkdown(), "| stop\\|workers").get(0);

        assertThat(row).contains("first line second \\| line third |");
        assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).isEqualTo(8);
    }

    @Test
    void toMarkdown_htmlAndMarkupInNames_areEscaped() {
        Experiment e = Experiment.builder().from(Runs.experiment(true)).name("<script>alert(1)</script> *bold* [x](y)")
                .description("line one\n# not a heading").build();

        String md = RunReport.of(e, Runs.completedHeld()).toMarkdown();

        assertThat(md).startsWith("# \\<script\\>alert(1)\\</script\\> \\*bold\\* \\[x\\](y): COMPLETED");
        assertThat(md).doesNotContain("<script>").contains("line one # not a heading");
    }
}
