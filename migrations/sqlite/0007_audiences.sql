-- Audiences: named groups of tokens that addresses can be shown to
-- (visibility `audience:<name>[,<name>…]`). A token lists its audiences as
-- a JSON array of names. Mirrors migrations/postgres/0008_audiences.sql.
CREATE TABLE audience (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

ALTER TABLE token ADD COLUMN audiences TEXT NOT NULL DEFAULT '[]';
