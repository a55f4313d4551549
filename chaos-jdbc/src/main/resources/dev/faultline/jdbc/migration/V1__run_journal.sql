-- The run journal: one schema for SQLite and PostgreSQL (portable types only).
-- Times are epoch milliseconds; the JSON columns hold dev.faultline.core.journal.JournalJson text.

CREATE TABLE faultline_run (
    run_id          VARCHAR(128) NOT NULL PRIMARY KEY,
    started_at      BIGINT       NOT NULL,
    experiment_name TEXT         NOT NULL,
    experiment_id   VARCHAR(128) NOT NULL,
    account         VARCHAR(64)  NOT NULL,
    region          VARCHAR(64)  NOT NULL,
    actor           TEXT         NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    verdict         VARCHAR(16)  NOT NULL,
    ended_at        BIGINT,
    finished        INTEGER      NOT NULL,
    header_json     TEXT         NOT NULL,
    reports_json    TEXT         NOT NULL
);

CREATE INDEX faultline_run_newest ON faultline_run (started_at, run_id);
CREATE INDEX faultline_run_open ON faultline_run (finished, started_at);
CREATE INDEX faultline_run_experiment ON faultline_run (experiment_name, started_at);

CREATE TABLE faultline_run_tag (
    run_id    VARCHAR(128) NOT NULL REFERENCES faultline_run (run_id),
    tag_key   VARCHAR(128) NOT NULL,
    tag_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (run_id, tag_key)
);

CREATE TABLE faultline_run_event (
    run_id     VARCHAR(128) NOT NULL REFERENCES faultline_run (run_id),
    seq        INTEGER      NOT NULL,
    event_type VARCHAR(64)  NOT NULL,
    event_time BIGINT       NOT NULL,
    event_json TEXT         NOT NULL,
    PRIMARY KEY (run_id, seq)
);
