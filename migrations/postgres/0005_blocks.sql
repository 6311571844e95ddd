-- Number blocks: a prefix of E.164 numbers whose addresses derive from
-- templates. Mirrors migrations/sqlite/0004_blocks.sql column for column.
CREATE TABLE number_block (
    id           uuid PRIMARY KEY,
    -- E.164 digits with their `+`; one block per prefix (nested blocks
    -- have longer prefixes).
    prefix       text NOT NULL UNIQUE,
    -- Digits of every number covered; NULL: every length up to 15.
    length       integer,
    -- The owner's acct: URI, checked to exist when written.
    owner        text,
    label        text,
    visibility   text NOT NULL,
    discoverable boolean NOT NULL,
    -- [{"uri": ..., "visibility": ...}], in order.
    templates    jsonb NOT NULL,
    version      bigint NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL
);
