package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void demo_firstRunHolds_secondRunIsStoppedByTheAlarm_andBothReportsAreWritten() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        // half the default speed: twice the room for a busy machine between the engine's polls
        int code = cli.execute("demo", "--out", dir.toString(), "--speed", "30");

        String text = out.toString();
        assertThat(code).as(text + "\n" + err).isZero();
        assertThat(text).contains("== Plan and blast radius").contains("== IAM policy the experiment role needs")
                .contains("ec2:StopInstances").contains("Preflight passed")
                .contains("[PASSED] permissions: role arn:aws:iam::123456789012:role/FaultlineDemo may do all").contains("resolves to 2 of 10 instances")
                .contains("Verdict: HELD").contains("Verdict: REFUTED").contains("Outcome: stopped")
                .contains("Both runs ended as expected").contains("simulated time runs 30 times faster");
        assertThat(dir.resolve("run-1").resolve("report.html")).exists();
        assertThat(dir.resolve("run-2").resolve("report.json")).exists();

        // the done-when check of the journal: the demo left a history behind
        String journal = "jdbc:sqlite:" + dir.resolve("journal.db");
        String history = run(0, "history", "--journal", journal);
        assertThat(history).contains("checkout-worker-node-loss").contains("REFUTED").contains("HELD")
                .contains("stopped").contains("completed");
        assertThat(history.lines().count()).isEqualTo(3);
        String json = run(0, "history", "--journal", journal, "--format", "json", "--verdict", "refuted");
        assertThat(json).contains("\"verdict\" : \"REFUTED\"").doesNotContain("HELD");
        String runId = history.lines().skip(1).findFirst().orElseThrow().replaceAll(".*\\s", "");
        String shown = run(0, "history", "show", runId, "--journal", journal, "--report",
                dir.resolve("again").toString());
        assertThat(shown).contains("RunCompleted").contains("Verdict: REFUTED");
        assertThat(dir.resolve("again").resolve("report.html")).content().contains("REFUTED");
        run(0, "history", "--journal", journal, "--html", dir.resolve("site").toString());
        assertThat(dir.resolve("site").resolve("index.html")).content().contains("mark REFUTED")
                .contains("mark HELD").contains("href=\"../run-1/report.html\"");
    }

    private static String run(int expectedCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(code).as(out + "\n" + err).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void speed_outOfRange_isAUsageError_andNothingIsWritten() {
        for (String speed : new String[] {"0", "601", "-5"}) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Faultline.commandLine();
            cli.setOut(new PrintWriter(out));
            cli.setErr(new PrintWriter(err));
            int code = cli.execute("demo", "--out", dir.resolve("reports").toString(), "--speed", speed);
            assertThat(code).as(speed).isEqualTo(Faultline.USAGE);
            assertThat(err.toString()).contains("--speed must be 1 to 600, was " + speed);
            assertThat(dir.resolve("reports")).doesNotExist();
        }
    }

    @Test
    void world_refusesASpeedOutOfRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DemoWorld(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 600");
    }

    @Test
    void errorRate_holdsWithEightOfTenWorkersUnderNormalLoad_notUnderTheSurge() {
        assertThat(DemoWorld.errorRate(5_000, 10)).isLessThan(1.0);
        assertThat(DemoWorld.errorRate(5_000, 8)).isLessThan(1.0);
        assertThat(DemoWorld.errorRate(7_000, 10)).isLessThan(1.0);
        assertThat(DemoWorld.errorRate(7_000, 8)).isGreaterThan(1.0);
        assertThat(DemoWorld.errorRate(7_000, 0)).isEqualTo(100);
    }
}
