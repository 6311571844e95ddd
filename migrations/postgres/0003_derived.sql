-- A subject's acct derives from its handle and domain, an address's kind
-- from the scheme of its URI: neither is stored beside its source any more.
-- One subject per handle and domain is what the unique acct said (a handle
-- holds no `@`), now said of the columns themselves.
--
-- Every write path stored exactly these derivations. A row that differs was
-- changed by hand; dropping its column would make the subject answer to
-- another acct, so the migration refuses instead, naming the row.
DO $$
DECLARE
    odd text;
BEGIN
    SELECT format('subject %s: acct %s is not acct:%s@%s', id, acct, handle, domain) INTO odd
        FROM subject WHERE acct <> 'acct:' || handle || '@' || domain LIMIT 1;
    IF odd IS NOT NULL THEN
        RAISE EXCEPTION 'cannot derive acct: %', odd;
    END IF;
    SELECT format('address %s: kind %s is not the scheme of %s', id, kind, uri) INTO odd
        FROM address WHERE kind <> split_part(uri, ':', 1) LIMIT 1;
    IF odd IS NOT NULL THEN
        RAISE EXCEPTION 'cannot derive kind: %', odd;
    END IF;
END
$$;

-- Dropping acct drops its unique constraint (subject_acct_key) with it.
ALTER TABLE subject DROP COLUMN acct;
ALTER TABLE address DROP COLUMN kind;
CREATE UNIQUE INDEX subject_acct ON subject (handle, domain);
