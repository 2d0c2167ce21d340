-- Audit entries are appended without a lock and sealed later: a writer inserts the content with
-- seq, prev_hash and hash NULL; one sealer at a time (sealAuditLog, advisory lock 727002) gives
-- committed unsealed entries consecutive seq numbers and their hash-chain links.

ALTER TABLE audit_log ADD COLUMN seq bigint UNIQUE;
ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash DROP NOT NULL;

-- Entries written so far have consecutive ids and hashes that cover the id: their position is the id.
DROP TRIGGER audit_log_no_update ON audit_log;
UPDATE audit_log SET seq = id;
-- Those ids were given explicitly: move the id sequence past them for the plain INSERTs from now on.
SELECT setval(pg_get_serial_sequence('audit_log', 'id'), COALESCE((SELECT max(id) FROM audit_log), 0) + 1, false);

-- Append-only, except the one update that seals an unsealed entry without touching its content.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.hash IS NULL AND OLD.seq IS NULL
     AND NEW.seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.hash IS NOT NULL
     AND NEW.id IS NOT DISTINCT FROM OLD.id
     AND NEW.at IS NOT DISTINCT FROM OLD.at
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.actor_token_id IS NOT DISTINCT FROM OLD.actor_token_id
     AND NEW.action IS NOT DISTINCT FROM OLD.action
     AND NEW.entity_type IS NOT DISTINCT FROM OLD.entity_type
     AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
     AND NEW.organisation_id IS NOT DISTINCT FROM OLD.organisation_id
     AND NEW.country_code IS NOT DISTINCT FROM OLD.country_code
     AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
     AND NEW.details IS NOT DISTINCT FROM OLD.details
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

-- The sealer's work list.
CREATE INDEX audit_log_unsealed_idx ON audit_log (id) WHERE seq IS NULL;
