-- Sessions of the admin console: the SHA-256 of the cookie value, the
-- token that signed in (NULL for the bootstrap token), the form token
-- every state-changing request must echo, and when the session ends.
-- Revoking a token deletes its sessions. Mirrors
-- migrations/sqlite/0010_console_sessions.sql.
CREATE TABLE console_session (
    hash       text PRIMARY KEY,
    token_id   uuid,
    actor      text NOT NULL,
    csrf       text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX console_session_token ON console_session (token_id) WHERE token_id IS NOT NULL;
