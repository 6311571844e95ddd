-- What each serving process last said of itself (its heartbeat): the
-- change-log serial it has applied, whether its directory is loaded, and
-- when it last wrote this row. Not directory data: no change log, no audit.
-- A graceful stop deletes the process's row; rows not refreshed for a day
-- are deleted by the next heartbeat. Mirrors migrations/sqlite/0012_replica.sql.
CREATE TABLE replica (
    name                text PRIMARY KEY,
    serial              bigint NOT NULL,
    ready               boolean NOT NULL,
    version             text NOT NULL,
    standby_lag_serials bigint,
    heartbeat_ms        bigint NOT NULL,
    started_at          timestamptz NOT NULL,
    seen_at             timestamptz NOT NULL
);
