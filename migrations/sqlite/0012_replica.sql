-- What each serving process last said of itself (its heartbeat): the
-- change-log serial it has applied, whether its directory is loaded, and
-- when it last wrote this row. Not directory data: no change log, no audit.
-- A graceful stop deletes the process's row; rows not refreshed for a day
-- are deleted by the next heartbeat. Mirrors migrations/postgres/0013_replica.sql.
CREATE TABLE replica (
    name                TEXT PRIMARY KEY,
    serial              INTEGER NOT NULL,
    ready               INTEGER NOT NULL,
    version             TEXT NOT NULL,
    standby_lag_serials INTEGER,
    heartbeat_ms        INTEGER NOT NULL,
    started_at          TEXT NOT NULL,
    seen_at             TEXT NOT NULL
);
