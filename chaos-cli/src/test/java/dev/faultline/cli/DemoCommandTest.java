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

        int code = cli.execute("demo", "--out", dir.toString());

        String text = out.toString();
        assertThat(code).as(text + "\n" + err).isZero();
        assertThat(text).contains("== Plan and blast radius").contains("== IAM policy the experiment role needs")
                .contains("ec2:StopInstances").contains("Preflight passed")
                .contains("[PASSED] permissions: role arn:aws:iam::123456789012:role/FaultlineDemo may do all").contains("resolves to 2 of 10 instances")
                .contains("Verdict: HELD").contains("Verdict: REFUTED").contains("Outcome: stopped")
                .contains("Both runs ended as expected");
        assertThat(dir.resolve("run-1").resolve("report.html")).exists();
        assertThat(dir.resolve("run-2").resolve("report.json")).exists();
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
