package dev.faultline.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRunJournalTest extends RunJournalContract {

    @TempDir
    Path dir;

    private int journals;

    @Override
    protected RunJournal journal() {
        return FileRunJournal.open(dir.resolve("j" + journals++));
    }

    @Test
    void read_tornLastLine_isSkipped_andTheNextWriteCutsItOff() throws IOException {
        FileRunJournal j = FileRunJournal.open(dir.resolve("torn"));
        List<RunEvent> events = JournalSamples.run("E", RunState.COMPLETED, Verdict.HELD);
        j.begin(JournalSamples.header("r", JournalSamples.T0, "x", "1", "r", Map.of()));
        j.append("r", 0, events.get(0));
        j.append("r", 1, events.get(1));
        Path file = j.directory().resolve("r.jsonl");
        String third = "{\"kind\":\"event\",\"sequence\":2,\"event\":" + JournalJson.event(events.get(2)) + "}\n";
        Files.writeString(file, third.substring(0, third.length() / 2), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        FileRunJournal reopened = FileRunJournal.open(j.directory());
        assertThat(reopened.find("r").orElseThrow().events()).containsExactly(events.get(0), events.get(1));
        assertThat(reopened.unfinished()).hasSize(1);

        for (int i = 2; i < events.size(); i++) {
            reopened.append("r", i, events.get(i));
        }
        assertThat(FileRunJournal.open(j.directory()).find("r").orElseThrow().events())
                .containsExactlyElementsOf(events);
    }

    @Test
    void read_damagedMiddleLine_namesFileAndLine() throws IOException {
        FileRunJournal j = FileRunJournal.open(dir.resolve("bad"));
        j.begin(JournalSamples.header("r", JournalSamples.T0, "x", "1", "r", Map.of()));
        Files.writeString(j.directory().resolve("r.jsonl"), "{oops\n{\"kind\":\"reports\",\"files\":[]}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> FileRunJournal.open(j.directory()).find("r"))
                .isInstanceOf(JournalException.class).hasMessageContaining("r.jsonl:2");
    }

    @Test
    void begin_runIdThatIsNotAFileName_isRefused() {
        FileRunJournal j = FileRunJournal.open(dir.resolve("ids"));
        assertThatThrownBy(() -> j.find("../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../etc/passwd");
    }

    @Test
    void append_withAGap_isRefused() {
        FileRunJournal j = FileRunJournal.open(dir.resolve("gap"));
        j.begin(JournalSamples.header("r", JournalSamples.T0, "x", "1", "r", Map.of()));
        RunEvent e = JournalSamples.run("E", null, null).get(0);
        assertThatThrownBy(() -> j.append("r", 3, e)).isInstanceOf(JournalException.class)
                .hasMessageContaining("expects event 0");
    }

    @Test
    void open_fsync_writesTheSame() {
        FileRunJournal j = FileRunJournal.open(dir.resolve("sync"), true);
        RunJournalContract.write(j, JournalSamples.header("r", JournalSamples.T0, "x", "1", "r", Map.of()),
                JournalSamples.run("E", RunState.COMPLETED, Verdict.HELD));
        assertThat(j.find("r").orElseThrow().finished()).isTrue();
        assertThat(j.toString()).contains("fsync");
    }
}
