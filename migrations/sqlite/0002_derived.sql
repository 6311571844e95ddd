-- A subject's acct derives from its handle and domain, an address's kind
-- from the scheme of its URI: neither is stored beside its source any more.
-- One subject per handle and domain is what the unique acct said (a handle
-- holds no `@`), now said of the columns themselves.
--
-- Every write path stored exactly these derivations. A row that differs was
-- changed by hand; dropping its column would make the subject answer to
-- another acct, so the migration refuses instead: the insert below fails
-- its CHECK, named after the rule the row breaks.
CREATE TEMP TABLE underived (
    what TEXT CONSTRAINT "acct is acct:handle@domain, kind the scheme of uri"
        CHECK (what IS NULL)
);
INSERT INTO underived
    SELECT 'subject ' || hex(id) || ': ' || acct FROM subject
        WHERE acct <> 'acct:' || handle || '@' || domain
    UNION ALL
    SELECT 'address ' || hex(id) || ': ' || kind || ' ' || uri FROM address
        WHERE kind <> substr(uri, 1, instr(uri, ':') - 1);
DROP TABLE underived;

-- SQLite cannot drop a UNIQUE column: both tables are rebuilt. The
-- addresses move first into a table that refers to the new subject table,
-- so dropping the old subject table (an implicit DELETE) cascades to
-- nothing; renaming the new subject table updates that reference.
CREATE TABLE subject_derived (
    id           BLOB PRIMARY KEY,
    handle       TEXT NOT NULL,
    domain       TEXT NOT NULL,
    display_name TEXT NOT NULL,
    discoverable INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
INSERT INTO subject_derived
    SELECT id, handle, domain, display_name, discoverable, version, created_at, updated_at
    FROM subject;

CREATE TABLE address_derived (
    id           BLOB PRIMARY KEY,
    subject_id   BLOB NOT NULL REFERENCES subject_derived (id) ON DELETE CASCADE,
    uri          TEXT NOT NULL UNIQUE,
    visibility   TEXT NOT NULL,
    discoverable INTEGER NOT NULL,
    priority     INTEGER NOT NULL,
    label        TEXT
);
INSERT INTO address_derived
    SELECT id, subject_id, uri, visibility, discoverable, priority, label FROM address;

DROP TABLE address;
DROP TABLE subject;
ALTER TABLE subject_derived RENAME TO subject;
ALTER TABLE address_derived RENAME TO address;

-- Also serves what the old index on handle alone did.
CREATE UNIQUE INDEX subject_acct ON subject (handle, domain);
CREATE INDEX address_subject ON address (subject_id);
