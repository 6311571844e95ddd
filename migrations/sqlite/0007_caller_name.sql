-- Who may see a subject's display name (its caller name): public,
-- authenticated or private, like an address's visibility. Mirrors
-- migrations/postgres/0008_caller_name.sql.
ALTER TABLE subject ADD COLUMN display_name_visibility TEXT NOT NULL DEFAULT 'public';
