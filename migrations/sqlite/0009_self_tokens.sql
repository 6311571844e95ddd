-- `self` tokens: a token of scope `self` belongs to one subject, whose
-- deletion revokes it. Other tokens have none. Mirrors
-- migrations/postgres/0010_self_tokens.sql.
ALTER TABLE token ADD COLUMN subject_id BLOB;
CREATE INDEX token_subject ON token (subject_id) WHERE subject_id IS NOT NULL;
