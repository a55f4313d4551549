package dev.faultline.jdbc;

import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.journal.RunJournalContract;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ExtendWith;

/** The journal contract against a real PostgreSQL server, a fresh database per test. */
@ExtendWith(PostgresServer.class)
class PostgresRunJournalTest extends RunJournalContract {

    @Override
    protected RunJournal journal() {
        try {
            return JdbcRunJournal.open(PostgresServer.newDatabaseUrl());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
