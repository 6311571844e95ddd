-- DNSSEC signing keys, one row per key and zone.
-- Mirrors migrations/postgres/0004_dnssec.sql (which explains the times).
CREATE TABLE dnssec_key (
    id          BLOB PRIMARY KEY,
    zone        TEXT NOT NULL,
    algorithm   INTEGER NOT NULL,
    private_key BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    active_at   TEXT NOT NULL,
    removed_at  TEXT
);
CREATE UNIQUE INDEX dnssec_key_newest ON dnssec_key (zone) WHERE removed_at IS NULL;
