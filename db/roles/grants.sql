-- Least privilege for the application (GB/T 22239-2019 8.1.4, ASVS V7/V8): the server
-- connects as a member of onewindow_app, which owns nothing, so it can neither
-- `ALTER TABLE … DISABLE TRIGGER` nor `SET session_replication_role` (superuser only) nor
-- rewrite the append-only records.
--
-- db/migrate.ts runs this file as the owner after every migration, on PostgreSQL and PGlite
-- alike (PGlite has one login, but the role and its grants are the same, and the tests
-- `SET ROLE onewindow_app` there). It is idempotent and derives what it grants from the
-- catalogue, so a table added by a later migration is covered without editing this file:
--   * every table in public: SELECT, INSERT, UPDATE, DELETE (never TRUNCATE, REFERENCES, TRIGGER);
--   * append-only tables — those guarded by reject_append_only_change(), plus the four named
--     below even if a trigger were ever dropped — SELECT and INSERT only;
--   * sequences: USAGE, SELECT; functions: EXECUTE; no CREATE anywhere.
-- It runs in one transaction (no moment without grants); statements are separated by
-- breakpoints because PGlite runs one statement per query.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'onewindow_app') THEN
    CREATE ROLE onewindow_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
  END IF;
EXCEPTION
  -- Roles are cluster-wide: another database's migration may have created it a moment ago.
  WHEN duplicate_object OR unique_violation THEN NULL;
  WHEN insufficient_privilege THEN
    RAISE EXCEPTION 'role onewindow_app does not exist and % may not create roles', current_user
      USING HINT = 'Ask the DBA to run: CREATE ROLE onewindow_app NOLOGIN; then migrate again.';
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'onewindow_app' AND (rolsuper OR rolbypassrls)) THEN
    RAISE EXCEPTION 'onewindow_app must be neither superuser nor BYPASSRLS';
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO onewindow_app', current_database());
END
$$;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO onewindow_app;
--> statement-breakpoint
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM onewindow_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO onewindow_app;
--> statement-breakpoint
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT DISTINCT tg.tgrelid::regclass
    FROM pg_trigger tg
    JOIN pg_proc p ON p.oid = tg.tgfoid
    JOIN pg_class c ON c.oid = tg.tgrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE p.proname = 'reject_append_only_change' AND n.nspname = 'public'
    UNION
    SELECT to_regclass(name)
    FROM unnest(ARRAY['public.audit_log', 'public.application_events', 'public.licence_access_log',
                      'public.licence_verifications']) AS name
    WHERE to_regclass(name) IS NOT NULL
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM onewindow_app', t);
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO onewindow_app;
--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO onewindow_app;
