-- Subjects, their addresses, API tokens and the change log.
-- Mirrors migrations/sqlite/0001_directory.sql column for column.
CREATE TABLE subject (
    id           uuid PRIMARY KEY,
    acct         text NOT NULL UNIQUE,
    handle       text NOT NULL,
    domain       text NOT NULL,
    display_name text NOT NULL,
    discoverable boolean NOT NULL,
    version      bigint NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
-- Byte order, so a handle prefix is an index range (see search in
-- src/store/postgres.rs) whatever the database's collation.
CREATE INDEX subject_handle ON subject (handle COLLATE "C");

-- No foreign key to subject (SQLite has one): the store deletes a subject's
-- addresses with it, under the write lock, and never inserts an address
-- without its subject. Checking a foreign key locks the subject row once
-- per address, which made a million-subject import a quarter slower.
CREATE TABLE address (
    id           uuid PRIMARY KEY,
    subject_id   uuid NOT NULL,
    uri          text NOT NULL UNIQUE,
    kind         text NOT NULL,
    visibility   text NOT NULL,
    discoverable boolean NOT NULL,
    priority     integer NOT NULL,
    label        text
);
CREATE INDEX address_subject ON address (subject_id);

CREATE TABLE token (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    scope        text NOT NULL,
    hash         text NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Serials are handed out and committed in order: every writer holds one
-- advisory lock until it commits (see src/store/postgres.rs).
CREATE TABLE change_log (
    serial     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    operation  text NOT NULL,
    subject_id uuid,
    before     jsonb,
    after      jsonb
);
CREATE INDEX change_log_subject ON change_log (subject_id, serial);
