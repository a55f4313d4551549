/**
 * The run journal on a database: {@link dev.faultline.jdbc.JdbcRunJournal} writes
 * {@link dev.faultline.core.journal.RunJournal} records to SQLite (one embedded file, the
 * default) or PostgreSQL (shared by many engines in many JVMs), with one schema created and
 * upgraded by Flyway migrations and plain JDBC.
 */
package dev.faultline.jdbc;
