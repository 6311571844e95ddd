-- DNSSEC signing keys, one row per key and zone, shared by every replica.
-- Mirrors migrations/sqlite/0003_dnssec.sql column for column.
CREATE TABLE dnssec_key (
    id          uuid PRIMARY KEY,
    -- The zone apex, lowercase, without the trailing dot.
    zone        text NOT NULL,
    -- DNSSEC algorithm number: 13 (ECDSA P-256) or 15 (Ed25519).
    algorithm   integer NOT NULL,
    -- PKCS#8 DER. Never copied into the change log.
    private_key bytea NOT NULL,
    state       text NOT NULL,
    created_at  timestamptz NOT NULL
);
-- Replicas enabling a zone at once race to create its key under the write
-- lock; this index makes a second active key impossible whatever happens.
CREATE UNIQUE INDEX dnssec_key_active ON dnssec_key (zone) WHERE state = 'active';
