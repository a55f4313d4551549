package dev.faultline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.core.engine.RunState;
import dev.faultline.core.engine.Verdict;
import dev.faultline.core.journal.JournalSamples;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.journal.RunJournalContract;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRunJournalTest extends RunJournalContract {

    @TempDir
    Path dir;

    private int files;

    @Override
    protected RunJournal journal() {
        return JdbcRunJournal.open("jdbc:sqlite:" + dir.resolve("journal" + files++ + ".db"));
    }

    @Test
    void open_again_keepsTheRunsAndMigratesNothingTwice() {
        String url = "jdbc:sqlite:" + dir.resolve("reopen.db");
        try (RunJournal j = JdbcRunJournal.open(url)) {
            write(j, JournalSamples.header("r", JournalSamples.T0, "x", "1", "r", Map.of()),
                    JournalSamples.run("E", RunState.COMPLETED, Verdict.HELD));
        }
        try (RunJournal j = JdbcRunJournal.open(url)) {
            assertThat(j.find("r").orElseThrow().verdict()).isEqualTo("HELD");
        }
    }

    @Test
    void open_notAJournalUrl_isRefusedWithTheUrl() {
        assertThatThrownBy(() -> JdbcRunJournal.open("jdbc:mysql://db/x?password=secret"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:mysql://db/x")
                .hasMessageNotContaining("secret");
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(JdbcRunJournal.redact("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }
}
