-- Audiences: named groups of tokens that addresses can be shown to
-- (visibility `audience:<name>[,<name>…]`). A token lists its audiences as
-- a JSON array of names. Mirrors migrations/postgres/0008_audiences.sql.
CREATE TABLE audience (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);

ALTER TABLE token ADD COLUMN audiences TEXT NOT NULL DEFAULT '[]';

-- Who may find a subject by its acct, or by one address: the flag says
-- everyone (1) or nobody (0); a level other than those two
-- (`authenticated`, `audience:…`) is kept here, with the flag 0. Existing
-- rows have none and keep their meaning.
ALTER TABLE subject ADD COLUMN discoverable_level TEXT;
ALTER TABLE address ADD COLUMN discoverable_level TEXT;
