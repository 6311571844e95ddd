-- Audiences: named groups of tokens that addresses can be shown to
-- (visibility `audience:<name>[,<name>…]`). A token lists its audiences as
-- a JSON array of names (text, as in SQLite, so both compare it alike).
-- Mirrors migrations/sqlite/0007_audiences.sql.
CREATE TABLE audience (
    name       text PRIMARY KEY,
    created_at timestamptz NOT NULL
);

ALTER TABLE token ADD COLUMN audiences text NOT NULL DEFAULT '[]';

-- Who may find a subject by its acct, or by one address: the flag says
-- everyone (true) or nobody (false); a level other than those two
-- (`authenticated`, `audience:…`) is kept here, with the flag false.
-- Existing rows have none and keep their meaning.
ALTER TABLE subject ADD COLUMN discoverable_level text;
ALTER TABLE address ADD COLUMN discoverable_level text;
