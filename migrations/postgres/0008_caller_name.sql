-- Who may see a subject's display name (its caller name): public,
-- authenticated or private, like an address's visibility. Mirrors
-- migrations/sqlite/0007_caller_name.sql.
ALTER TABLE subject ADD COLUMN display_name_visibility text NOT NULL DEFAULT 'public';
