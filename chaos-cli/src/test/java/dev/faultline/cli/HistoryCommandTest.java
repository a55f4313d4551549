package dev.faultline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.journal.FileRunJournal;
import dev.faultline.core.journal.JournalSamples;
import dev.faultline.core.journal.RunHeader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HistoryCommandTest {

    @TempDir
    Path dir;

    private String journal;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        journal = "file:" + dir.resolve("journal");
        FileRunJournal j = FileRunJournal.open(dir.resolve("journal"));
        write(j, "r1", 0, "node-loss", RunState.COMPLETED, Verdict.HELD);
        write(j, "r2", 60, "node-loss", RunState.STOPPED, Verdict.REFUTED);
        write(j, "r3", 120, "az-out<script>", null, null);
    }

    private static void write(FileRunJournal j, String id, long minutes, String name, RunState state, Verdict verdict) {
        RunHeader h = JournalSamples.header(id, JournalSamples.T0.plusSeconds(60 * minutes), name, "123456789012",
                "eu-west-1", Map.of());
        j.begin(h);
        List<RunEvent> events = JournalSamples.run(h.experimentId(), state, verdict);
        for (int i = 0; i < events.size(); i++) {
            j.append(id, i, events.get(i));
        }
    }

    private int run(String... args) {
        CommandLine cli = Faultline.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void history_text_listsNewestFirstWithStateAndVerdict() {
        assertThat(run("history", "--journal", journal)).as(err.toString()).isZero();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("STARTED");
        assertThat(lines.get(1)).contains("az-out").contains("running").contains(" - ").endsWith("r3");
        assertThat(lines.get(2)).contains("stopped").contains("REFUTED").endsWith("r2");
        assertThat(lines.get(3)).contains("completed").contains("HELD").endsWith("r1");
    }

    @Test
    void history_json_filtersByExperimentAndVerdict() {
        assertThat(run("history", "--journal", journal, "--format", "json", "--experiment", "node-loss",
                "--verdict", "HELD")).isZero();

        assertThat(out.toString()).contains("\"runId\" : \"r1\"").contains("\"verdict\" : \"HELD\"")
                .contains("\"account\" : \"123456789012\"").contains("\"region\" : \"eu-west-1\"")
                .contains("\"actor\" : \"alice\"").contains("\"endedAt\" : \"").doesNotContain("r2");
    }

    @Test
    void history_since_durationFromNowOrInstant() {
        HistoryCommand command = new HistoryCommand();
        command.clock = Clock.fixed(JournalSamples.T0.plusSeconds(60 * 150), ZoneOffset.UTC);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--journal", journal, "--since", "PT1H")).isZero();
        assertThat(out.toString()).contains("r3").doesNotContain("r2").doesNotContain("r1");

        StringWriter second = new StringWriter();
        cli.setOut(new PrintWriter(second));
        assertThat(cli.execute("--journal", journal, "--since", JournalSamples.T0.plusSeconds(60).toString())).isZero();
        assertThat(second.toString()).contains("r3").contains("r2").doesNotContain("r1");
    }

    @Test
    void history_badArguments_sayWhatIsWrong() {
        assertThat(run("history", "--journal", journal, "--verdict", "MAYBE")).isEqualTo(2);
        assertThat(run("history", "--journal", journal, "--since", "yesterday")).isEqualTo(2);
        assertThat(run("history", "--journal", "mysql://x")).isEqualTo(2);
        assertThat(err.toString()).contains("MAYBE").contains("yesterday").contains("file:DIR");
    }

    @Test
    void show_printsTheRun_andReRendersItsReportFromTheJournalAlone() {
        Path reports = dir.resolve("again");
        assertThat(run("history", "show", "r2", "--journal", journal, "--report", reports.toString()))
                .as(err.toString()).isZero();

        assertThat(out.toString()).contains("Run r2: node-loss").contains("account 123456789012, Region eu-west-1")
                .contains("StateChanged  running -> stopped").contains("Verdict: REFUTED");
        assertThat(reports.resolve("report.json")).content().contains("REFUTED").contains("EXP-r2");
        assertThat(reports.resolve("report.html")).exists();
    }

    @Test
    void show_unknownRun_orReportOfAnUnfinishedRun_fails() {
        assertThat(run("history", "show", "nope", "--journal", journal)).isEqualTo(2);
        assertThat(run("history", "show", "r3", "--journal", journal, "--report", dir.resolve("x").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("no run nope").contains("no outcome yet");
    }

    @Test
    void html_writesOneRowPerRun_andEscapesNames() {
        assertThat(run("history", "--journal", journal, "--html", dir.resolve("site").toString())).isZero();

        assertThat(dir.resolve("site").resolve("index.html")).content()
                .contains("mark HELD").contains("mark REFUTED").contains("mark NONE")
                .contains("az-out&lt;script&gt;").doesNotContain("<script>");
    }
}
