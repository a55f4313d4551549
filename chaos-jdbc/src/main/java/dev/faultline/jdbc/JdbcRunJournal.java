package dev.faultline.jdbc;

import dev.faultline.core.engine.RunEvent;
import dev.faultline.core.journal.JournalAppend;
import dev.faultline.core.journal.JournalException;
import dev.faultline.core.journal.JournalJson;
import dev.faultline.core.journal.JournalPage;
import dev.faultline.core.journal.JournalQuery;
import dev.faultline.core.journal.JournaledRun;
import dev.faultline.core.journal.RunHeader;
import dev.faultline.core.journal.RunJournal;
import dev.faultline.core.journal.RunSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run journal in a database: SQLite ({@code jdbc:sqlite:FILE}, one embedded file) or
 * PostgreSQL ({@code jdbc:postgresql://HOST:PORT/DB?user=…}), one schema for both, created and
 * upgraded by Flyway when the journal opens (history table {@code faultline_schema_history}).
 *
 * <p><b>Durability.</b> Every call is one transaction ({@link #appendAll} too, for all its events),
 * committed before it returns. PostgreSQL
 * keeps a committed transaction through a crash of the server (its default
 * {@code synchronous_commit}); SQLite is opened in WAL mode with {@code synchronous=FULL}, which
 * does the same for the file.
 *
 * <p><b>Many writers.</b> Any number of engines, in any number of JVMs, may write one PostgreSQL
 * database at once: a run is inserted with {@code ON CONFLICT DO NOTHING} on its id, an event
 * on its run id and sequence number, so a write retried after a lost answer, or made twice by
 * two engines, is stored once; nothing is read-modified-written outside a transaction. SQLite
 * allows one writer at a time (others wait up to 10 s).
 *
 * <pre>{@code
 * try (JdbcRunJournal journal = JdbcRunJournal.open("jdbc:sqlite:faultline.db")) {
 *     journal.query(JournalQuery.builder().verdict("REFUTED").build()).runs().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class JdbcRunJournal implements RunJournal {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcRunJournal.class);
    private static final String COLUMNS = "run_id, started_at, experiment_name, experiment_id, account, region, "
            + "actor, state, verdict, ended_at, finished";

    private final String url;
    private final ConnectionPool pool;

    private JdbcRunJournal(String url, ConnectionPool pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Opens a journal, creating or upgrading its tables.
     *
     * @param url {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…} (credentials as URL
     *     parameters or in the environment the driver reads)
     * @return the journal
     * @throws JournalException when the database cannot be reached or migrated
     * @throws IllegalArgumentException for another kind of URL
     */
    public static JdbcRunJournal open(String url) {
        return open(url, new Properties());
    }

    /**
     * Opens a journal with connection properties (for example {@code user} and {@code password}),
     * creating or upgrading its tables.
     *
     * @param url {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}
     * @param properties the driver's connection properties
     * @return the journal
     * @throws JournalException when the database cannot be reached or migrated
     * @throws IllegalArgumentException for another kind of URL
     */
    public static JdbcRunJournal open(String url, Properties properties) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(properties, "properties");
        Properties props = new Properties();
        props.putAll(properties);
        ConnectionPool pool;
        if (url.startsWith("jdbc:sqlite:")) {
            pool = new ConnectionPool(url, props, 1, List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL",
                    "PRAGMA busy_timeout=10000", "PRAGMA foreign_keys=ON"));
        } else if (url.startsWith("jdbc:postgresql:")) {
            pool = new ConnectionPool(url, props, 4, List.of());
        } else {
            throw new IllegalArgumentException("A JDBC journal URL starts with jdbc:sqlite: or jdbc:postgresql:, not '"
                    + redact(url) + "'");
        }
        migrate(url, props);
        LOG.debug("journal open url={}", redact(url));
        return new JdbcRunJournal(url, pool);
    }

    private static void migrate(String url, Properties props) {
        try {
            Flyway.configure(JdbcRunJournal.class.getClassLoader())
                    .dataSource(url, props.getProperty("user"), props.getProperty("password"))
                    .locations("classpath:dev/faultline/jdbc/migration")
                    .table("faultline_schema_history")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new JournalException("Cannot create or upgrade the journal tables in " + redact(url) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void begin(RunHeader header) {
        Objects.requireNonNull(header, "header");
        inTransaction("begin run " + header.runId(), c -> {
            int inserted;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO faultline_run (" + COLUMNS
                    + ", header_json, reports_json) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', '', NULL, 0, ?, '[]') "
                    + "ON CONFLICT (run_id) DO NOTHING")) {
                s.setString(1, header.runId());
                s.setLong(2, header.startedAt().toEpochMilli());
                s.setString(3, header.experimentName());
                s.setString(4, header.experimentId());
                s.setString(5, header.account());
                s.setString(6, header.region());
                s.setString(7, header.actor());
                s.setString(8, JournalJson.header(header));
                inserted = s.executeUpdate();
            }
            if (inserted == 0) {
                LOG.debug("run already journaled, header ignored runId={}", header.runId());
                return null;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO faultline_run_tag (run_id, tag_key, tag_value) VALUES (?, ?, ?) "
                            + "ON CONFLICT (run_id, tag_key) DO NOTHING")) {
                for (Map.Entry<String, String> t : header.tags().entrySet()) {
                    s.setString(1, header.runId());
                    s.setString(2, t.getKey());
                    s.setString(3, t.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void append(String runId, int sequence, RunEvent event) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(event, "event");
        inTransaction("append event " + sequence + " of run " + runId, c -> {
            insert(c, runId, sequence, event);
            return null;
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>All of them in one transaction: either every event is recorded or none is.
     */
    @Override
    public void appendAll(List<JournalAppend> appends) {
        Objects.requireNonNull(appends, "appends");
        if (appends.isEmpty()) {
            return;
        }
        inTransaction("append " + appends.size() + " events", c -> {
            for (JournalAppend a : appends) {
                insert(c, a.runId(), a.sequence(), a.event());
            }
            return null;
        });
    }

    private void insert(Connection c, String runId, int sequence, RunEvent event) throws SQLException {
        requireRun(c, runId);
        int inserted;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO faultline_run_event "
                + "(run_id, seq, event_type, event_time, event_json) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (run_id, seq) DO NOTHING")) {
            s.setString(1, runId);
            s.setInt(2, sequence);
            s.setString(3, event.getClass().getSimpleName());
            s.setLong(4, event.time().toEpochMilli());
            s.setString(5, JournalJson.event(event));
            inserted = s.executeUpdate();
        }
        if (inserted == 1) {
            RunColumns.update(c, runId, event);
        } else {
            LOG.debug("event already journaled, ignored runId={} sequence={}", runId, sequence);
        }
    }

    @Override
    public void reports(String runId, List<String> files) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(files, "files");
        inTransaction("record the reports of run " + runId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE faultline_run SET reports_json = ? WHERE run_id = ?")) {
                s.setString(1, JournalJson.reports(files));
                s.setString(2, runId);
                if (s.executeUpdate() == 0) {
                    throw new JournalException("Run " + runId + " was never begun in " + redact(url));
                }
            }
            return null;
        });
    }

    @Override
    public Optional<JournaledRun> find(String runId) {
        Objects.requireNonNull(runId, "runId");
        return inTransaction("read run " + runId, c -> Optional.ofNullable(read(c, runId)));
    }

    @Override
    public JournalPage query(JournalQuery query) {
        Objects.requireNonNull(query, "query");
        return inTransaction("list runs", c -> {
            List<RunSummary> matched = new ArrayList<>();
            RunQuerySql sql = RunQuerySql.of(query, COLUMNS);
            try (PreparedStatement s = c.prepareStatement(sql.text())) {
                sql.bind(s);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        matched.add(RunColumns.summary(rs));
                    }
                }
            }
            return JournalPage.of(matched, query.limit());
        });
    }

    @Override
    public List<JournaledRun> unfinished() {
        return inTransaction("list unfinished runs", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT run_id FROM faultline_run WHERE finished = 0 ORDER BY started_at, run_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            List<JournaledRun> runs = new ArrayList<>();
            for (String id : ids) {
                JournaledRun run = read(c, id);
                if (run != null) {
                    runs.add(run);
                }
            }
            return runs;
        });
    }

    /** Closes the journal's connections. */
    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "JdbcRunJournal[" + redact(url) + "]";
    }

    private JournaledRun read(Connection c, String runId) throws SQLException {
        String header;
        String reports;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT header_json, reports_json FROM faultline_run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                header = rs.getString(1);
                reports = rs.getString(2);
            }
        }
        List<RunEvent> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT event_json FROM faultline_run_event WHERE run_id = ? ORDER BY seq")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(JournalJson.readEvent(rs.getString(1)));
                }
            }
        }
        return new JournaledRun(JournalJson.readHeader(header), events, JournalJson.readReports(reports));
    }

    private void requireRun(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM faultline_run WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new JournalException("Run " + runId + " was never begun in " + redact(url));
                }
            }
        }
    }

    private <T> T inTransaction(String what, SqlWork<T> work) {
        Connection c;
        try {
            c = pool.borrow();
        } catch (SQLException e) {
            throw new JournalException("Cannot connect to the journal " + redact(url) + " to " + what + ": "
                    + e.getMessage(), e);
        }
        boolean broken = false;
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            broken = rollback(c);
            throw new JournalException("Cannot " + what + " in the journal " + redact(url) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            broken = rollback(c);
            throw e;
        } finally {
            pool.giveBack(c, broken);
        }
    }

    /** Rolls back; tells whether the connection is unusable afterwards. */
    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    /**
     * A JDBC URL without its password parameter, for messages and logs.
     *
     * @param url the URL
     * @return the URL with {@code password=…} replaced by {@code password=***}
     */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
