-- DNSSEC signing keys, one row per key and zone.
CREATE TABLE dnssec_key (
    id          BLOB PRIMARY KEY,
    zone        TEXT NOT NULL,
    algorithm   INTEGER NOT NULL,
    private_key BLOB NOT NULL,
    state       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX dnssec_key_active ON dnssec_key (zone) WHERE state = 'active';
