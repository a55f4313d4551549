package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code demo --durable}: the worker is killed mid-run, a new one finishes the same experiment. */
class DurableDemoTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void demoDurable_workerKilledMidRun_completesHeldWithExactlyOneExperimentAndExitsZero() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("demo", "--durable", "--out", dir.toString());

        String text = out.toString();
        assertThat(code).as(text + "\n" + err).isZero();
        assertThat(text).contains("killing worker 1 mid-run").contains("Worker 2 started")
                .contains("Outcome: COMPLETED").contains("Verdict: HELD")
                .contains("Experiments LocalFis saw started: 1 ")
                .contains("Durable: one experiment, run to its end across two workers.");
        assertThat(dir.resolve("durable")).isDirectory();
    }
}
