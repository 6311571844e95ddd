-- Subjects, their addresses, API tokens and the change log.
CREATE TABLE subject (
    id           BLOB PRIMARY KEY,
    acct         TEXT NOT NULL UNIQUE,
    handle       TEXT NOT NULL,
    domain       TEXT NOT NULL,
    display_name TEXT NOT NULL,
    discoverable INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
CREATE INDEX subject_handle ON subject (handle);

CREATE TABLE address (
    id           BLOB PRIMARY KEY,
    subject_id   BLOB NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    uri          TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    visibility   TEXT NOT NULL,
    discoverable INTEGER NOT NULL,
    priority     INTEGER NOT NULL,
    label        TEXT
);
CREATE INDEX address_subject ON address (subject_id);

CREATE TABLE token (
    id           BLOB PRIMARY KEY,
    name         TEXT NOT NULL,
    scope        TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);

CREATE TABLE change_log (
    serial     INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    operation  TEXT NOT NULL,
    subject_id BLOB,
    before     TEXT,
    after      TEXT
);
CREATE INDEX change_log_subject ON change_log (subject_id, serial);
