package dev.faultline.jdbc;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.engine.RunOutcome;
import dev.faultline.core.engine.RunState;
import dev.faultline.core.journal.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The columns of {@code faultline_run} that listings filter on, kept up to date as events arrive. */
final class RunColumns {

    private RunColumns() {}

    /** Moves the run's state, and on completion its verdict, end and finished flag, for an event just stored. */
    static void update(Connection c, String runId, RunEvent event) throws SQLException {
        if (event instanceof RunEvent.StateChanged s) {
            try (PreparedStatement p = c.prepareStatement(
                    "UPDATE faultline_run SET state = ? WHERE run_id = ? AND finished = 0")) {
                p.setString(1, s.to().wireName());
                p.setString(2, runId);
                p.executeUpdate();
            }
        } else if (event instanceof RunEvent.RunCompleted done) {
            RunOutcome o = done.outcome();
            try (PreparedStatement p = c.prepareStatement("UPDATE faultline_run SET state = ?, verdict = ?, "
                    + "ended_at = ?, finished = 1 WHERE run_id = ?")) {
                p.setString(1, o.state().wireName());
                p.setString(2, o.verdict().map(v -> v.verdict().name()).orElse(""));
                p.setLong(3, o.endTime().orElse(done.time()).toEpochMilli());
                p.setString(4, runId);
                p.executeUpdate();
            }
        }
    }

    /** Reads one row of a listing (the columns of {@code JdbcRunJournal.COLUMNS}, in order). */
    static RunSummary summary(ResultSet rs) throws SQLException {
        long ended = rs.getLong(10);
        boolean noEnd = rs.wasNull();
        return new RunSummary(rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                RunState.fromWireName(rs.getString(8)), rs.getString(9), Instant.ofEpochMilli(rs.getLong(2)),
                noEnd ? null : Instant.ofEpochMilli(ended), rs.getString(7), rs.getInt(11) == 1);
    }
}
