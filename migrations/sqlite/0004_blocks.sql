-- Number blocks: a prefix of E.164 numbers whose addresses derive from
-- templates. Mirrors migrations/postgres/0005_blocks.sql column for column.
CREATE TABLE number_block (
    id           BLOB PRIMARY KEY,
    prefix       TEXT NOT NULL UNIQUE,
    length       INTEGER,
    owner        TEXT,
    label        TEXT,
    visibility   TEXT NOT NULL,
    discoverable INTEGER NOT NULL,
    templates    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
