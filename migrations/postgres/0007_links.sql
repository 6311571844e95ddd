-- WebFinger links and properties of subjects, and domain profiles (links
-- and properties every subject of a domain publishes, XMPP endpoints for
-- host-meta). Mirrors migrations/sqlite/0006_links.sql column for column.
-- [{"rel", "href"|"template", "type", "titles", "properties", "visibility"}]
-- and {"uri": value | {"value", "visibility"}}; NULL when a subject has none.
ALTER TABLE subject ADD COLUMN links jsonb, ADD COLUMN properties jsonb;

CREATE TABLE domain_profile (
    -- A subject domain, canonical (lower case, IDNA).
    domain         text PRIMARY KEY,
    links          jsonb NOT NULL,
    properties     jsonb NOT NULL,
    -- XEP-0156 endpoints announced in host-meta.
    xmpp_websocket text,
    xmpp_bosh      text,
    version        bigint NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
