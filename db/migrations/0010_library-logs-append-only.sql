-- "Who used my data" (licence_access_log) and "checked once, trusted after"
-- (licence_verifications) are records the holder and the auditors rely on: append-only, like
-- audit_log. application_events already refused UPDATE/DELETE; TRUNCATE is refused too now.
-- db/roles/grants.sql reads these triggers to withhold UPDATE/DELETE/TRUNCATE from the app role.
CREATE TRIGGER application_events_no_truncate
  BEFORE TRUNCATE ON application_events
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
--> statement-breakpoint
CREATE TRIGGER licence_access_log_no_update_delete
  BEFORE UPDATE OR DELETE ON licence_access_log
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
--> statement-breakpoint
CREATE TRIGGER licence_access_log_no_truncate
  BEFORE TRUNCATE ON licence_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
--> statement-breakpoint
CREATE TRIGGER licence_verifications_no_update_delete
  BEFORE UPDATE OR DELETE ON licence_verifications
  FOR EACH ROW EXECUTE FUNCTION reject_append_only_change();
--> statement-breakpoint
CREATE TRIGGER licence_verifications_no_truncate
  BEFORE TRUNCATE ON licence_verifications
  FOR EACH STATEMENT EXECUTE FUNCTION reject_append_only_change();
