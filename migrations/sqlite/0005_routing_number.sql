-- Ported numbers (RFC 4694): the routing number of a tel: address, and of
-- every number of a block. Mirrors migrations/postgres/0006_routing_number.sql.
ALTER TABLE address ADD COLUMN routing_number TEXT;
ALTER TABLE number_block ADD COLUMN routing_number TEXT;
