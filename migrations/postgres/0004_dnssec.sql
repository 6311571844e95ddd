-- DNSSEC signing keys, one row per key and zone, shared by every replica.
-- Mirrors migrations/sqlite/0003_dnssec.sql column for column.
--
-- A key's life is in its times, so every replica (and a restarted one)
-- reaches the same state at the same moment: published in DNSKEY from
-- created_at, signing from active_at until a newer key is active, and
-- gone from DNSKEY at removed_at (NULL: not scheduled, the zone's newest key).
CREATE TABLE dnssec_key (
    id          uuid PRIMARY KEY,
    -- The zone apex, lowercase, without the trailing dot.
    zone        text NOT NULL,
    -- DNSSEC algorithm number: 13 (ECDSA P-256) or 15 (Ed25519).
    algorithm   integer NOT NULL,
    -- PKCS#8 DER. Never copied into the change log.
    private_key bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    active_at   timestamptz NOT NULL,
    removed_at  timestamptz
);
-- Replicas enabling a zone or rolling its key at once race under the write
-- lock; this index makes two keys without a removal time impossible
-- whatever happens: a roll schedules the old key's removal before it
-- stores the new one.
CREATE UNIQUE INDEX dnssec_key_newest ON dnssec_key (zone) WHERE removed_at IS NULL;
