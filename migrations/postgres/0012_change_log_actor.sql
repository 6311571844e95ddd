-- The audit log filtered by who made the changes, newest first.
CREATE INDEX change_log_actor ON change_log (actor, serial);
