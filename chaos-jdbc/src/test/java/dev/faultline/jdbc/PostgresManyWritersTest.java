package dev.faultline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.RunSummary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs write one PostgreSQL journal at once, two of them the very same runs (as two
 * engines that both resumed one run would): every run and every event is stored exactly once.
 */
@ExtendWith(PostgresServer.class)
@Timeout(300)
class PostgresManyWritersTest {

    private static final int RUNS = 20;

    @TempDir
    Path dir;

    @Test
    void fiveJvms_writingAtOnce_loseAndDuplicateNothing() throws Exception {
        String url = PostgresServer.newDatabaseUrl();
        JdbcRunJournal.open(url).close(); // migrate once up front is not required, but makes the race about data
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> prefixes = List.of("a", "b", "c", "same", "same");
        List<Process> writers = new ArrayList<>();
        List<File> logs = new ArrayList<>();
        for (int i = 0; i < prefixes.size(); i++) {
            File log = dir.resolve("writer" + i + ".log").toFile();
            logs.add(log);
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    JournalWriterMain.class.getName(), url, prefixes.get(i), String.valueOf(RUNS))
                    .redirectErrorStream(true).redirectOutput(log).start());
        }
        for (int i = 0; i < writers.size(); i++) {
            assertThat(writers.get(i).waitFor(240, TimeUnit.SECONDS)).isTrue();
            assertThat(writers.get(i).exitValue()).as("writer %d: %s", i, Files.readString(logs.get(i).toPath()))
                    .isZero();
        }

        try (JdbcRunJournal journal = JdbcRunJournal.open(url)) {
            Set<String> ids = new HashSet<>();
            int listed = 0;
            JournalPage page = journal.query(JournalQuery.builder().limit(33).build());
            while (true) {
                for (RunSummary s : page.runs()) {
                    ids.add(s.runId());
                    listed++;
                    assertThat(s.finished()).isTrue();
                }
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                page = journal.query(JournalQuery.builder().limit(33).after(page.nextCursor().get()).build());
            }
            assertThat(listed).isEqualTo(4 * RUNS);
            assertThat(ids).hasSize(4 * RUNS);
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT run_id || '/' || seq) FROM faultline_run_event")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4 * RUNS * 5);
            assertThat(rs.getInt(2)).isEqualTo(4 * RUNS * 5);
        }
    }
}
