package dev.faultline.jdbc;

import dev.faultline.core.journal.JournalException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A few JDBC connections to one database, opened when first needed and reused; a connection
 * that failed is closed instead of returned. Callers wait for a free one.
 */
final class ConnectionPool implements AutoCloseable {

    private final String url;
    private final Properties properties;
    private final List<String> setUp;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    ConnectionPool(String url, Properties properties, int size, List<String> setUp) {
        this.url = url;
        this.properties = properties;
        this.setUp = List.copyOf(setUp);
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
    }

    Connection borrow() throws SQLException {
        if (closed) {
            throw new JournalException("The journal " + JdbcRunJournal.redact(url) + " is closed");
        }
        permits.acquireUninterruptibly();
        Connection c = idle.poll();
        if (c != null) {
            return c;
        }
        try {
            c = DriverManager.getConnection(url, properties);
            try (Statement s = c.createStatement()) {
                for (String sql : setUp) {
                    s.execute(sql);
                }
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            if (c != null) {
                c.close();
            }
            throw e;
        }
    }

    void giveBack(Connection c, boolean broken) {
        try {
            if (broken || closed) {
                close(c);
            } else {
                idle.offer(c);
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            close(c);
        }
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // the connection is being dropped; nothing more to do with it
        }
    }
}
