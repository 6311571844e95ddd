-- WebFinger links and properties of subjects, and domain profiles (links
-- and properties every subject of a domain publishes, XMPP endpoints for
-- host-meta). Mirrors migrations/postgres/0007_links.sql column for column.
-- JSON text; NULL when a subject has none.
ALTER TABLE subject ADD COLUMN links TEXT;
ALTER TABLE subject ADD COLUMN properties TEXT;

CREATE TABLE domain_profile (
    domain         TEXT PRIMARY KEY,
    links          TEXT NOT NULL,
    properties     TEXT NOT NULL,
    xmpp_websocket TEXT,
    xmpp_bosh      TEXT,
    version        INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
