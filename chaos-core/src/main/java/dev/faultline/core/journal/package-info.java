/**
 * The run journal: an append-only record of every run an engine starts or attaches to,
 * written as it happens (the experiment as run and its SHA-256, the ids, account, Region and
 * actor, the preflight, every {@link dev.faultline.core.engine.RunEvent}, the outcome and the
 * report files), so that a crash loses at most the event in flight and a restarted controller
 * can resume what was left unfinished. {@link dev.faultline.core.journal.RunJournal} is the SPI;
 * {@link dev.faultline.core.journal.FileRunJournal} the zero-set-up implementation (JSON lines
 * under a directory); the {@code chaos-jdbc} module adds SQLite and PostgreSQL.
 */
@FaultlineStyle
package dev.faultline.core.journal;

import dev.faultline.core.FaultlineStyle;
