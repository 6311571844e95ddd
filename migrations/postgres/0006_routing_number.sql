-- Ported numbers (RFC 4694): the routing number of a tel: address, and of
-- every number of a block (E.164 with its `+`; NULL: not ported). Mirrors
-- migrations/sqlite/0005_routing_number.sql.
ALTER TABLE address ADD COLUMN routing_number text;
ALTER TABLE number_block ADD COLUMN routing_number text;
