-- Followers (other callsign processes) LISTEN on callsign_changes. Every
-- statement that appends to the change log notifies it with the newest
-- serial. NOTIFY is transactional: it is delivered when the writing
-- transaction commits, after the rows are visible, and never if it rolls
-- back. A statement trigger fires once per COPY chunk of an import, not
-- once per row, and reads max(serial) from the primary key, not from a
-- transition table that would copy every imported row.
CREATE FUNCTION change_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('callsign_changes', (SELECT max(serial) FROM change_log)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER change_log_notify AFTER INSERT ON change_log
    FOR EACH STATEMENT EXECUTE FUNCTION change_log_notify();
