package dev.faultline.jdbc;

import dev.faultline.core.journal.JournalCursor;
import dev.faultline.core.journal.JournalQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SELECT of a run listing: the query's filters as bound parameters, keyset paging, newest first. */
final class RunQuerySql {

    private final String text;
    private final List<Object> parameters;

    private RunQuerySql(String text, List<Object> parameters) {
        this.text = text;
        this.parameters = parameters;
    }

    static RunQuerySql of(JournalQuery q, String columns) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        q.experiment().ifPresent(v -> add(where, params, " AND r.experiment_name = ?", v));
        q.account().ifPresent(v -> add(where, params, " AND r.account = ?", v));
        q.region().ifPresent(v -> add(where, params, " AND r.region = ?", v));
        q.state().ifPresent(v -> add(where, params, " AND r.state = ?", v.wireName()));
        q.verdict().ifPresent(v -> add(where, params, " AND r.verdict = ?", v.equals("NONE") ? "" : v));
        q.since().ifPresent(v -> add(where, params, " AND r.started_at >= ?", v.toEpochMilli()));
        q.until().ifPresent(v -> add(where, params, " AND r.started_at < ?", v.toEpochMilli()));
        for (Map.Entry<String, String> t : q.tags().entrySet()) {
            where.append(" AND EXISTS (SELECT 1 FROM faultline_run_tag t WHERE t.run_id = r.run_id"
                    + " AND t.tag_key = ? AND t.tag_value = ?)");
            params.add(t.getKey());
            params.add(t.getValue());
        }
        if (q.after().isPresent()) {
            JournalCursor c = q.after().get();
            where.append(" AND (r.started_at < ? OR (r.started_at = ? AND r.run_id < ?))");
            params.add(c.startedAtMillis());
            params.add(c.startedAtMillis());
            params.add(c.runId());
        }
        String text = "SELECT " + prefixed(columns) + " FROM faultline_run r" + where
                + " ORDER BY r.started_at DESC, r.run_id DESC LIMIT " + (q.limit() + 1);
        return new RunQuerySql(text, params);
    }

    private static void add(StringBuilder where, List<Object> params, String clause, Object value) {
        where.append(clause);
        params.add(value);
    }

    private static String prefixed(String columns) {
        return "r." + columns.replace(", ", ", r.");
    }

    String text() {
        return text;
    }

    void bind(PreparedStatement s) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p instanceof Long l) {
                s.setLong(i + 1, l);
            } else {
                s.setString(i + 1, (String) p);
            }
        }
    }
}
