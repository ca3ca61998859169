-- The audit trail is append-only: rows may be inserted, never changed or removed.
CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION stockroom_refuse_change();
