CREATE TABLE "application_step_daily_stats" (
	"day" date NOT NULL,
	"service_id" uuid NOT NULL,
	"centre_id" uuid,
	"channel" "channel" NOT NULL,
	"step" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	CONSTRAINT "application_step_daily_stats_key" UNIQUE NULLS NOT DISTINCT("day","service_id","centre_id","channel","step"),
	CONSTRAINT "application_step_daily_stats_step" CHECK ("application_step_daily_stats"."step" IN ('review', 'decide', 'deliver'))
);
--> statement-breakpoint
ALTER TABLE "application_step_daily_stats" ADD CONSTRAINT "application_step_daily_stats_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_step_daily_stats" ADD CONSTRAINT "application_step_daily_stats_centre_id_service_centres_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."service_centres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_step_daily_stats_service_day_idx" ON "application_step_daily_stats" USING btree ("service_id","day");--> statement-breakpoint
-- Time per workflow step, by the event that finishes the step (data.step review/decide/deliver):
-- working days since the application's previous timeline event (escalations are not events of
-- the work). A supplement request at a step does not finish it; an on-the-spot decision is the
-- acceptance itself and is counted there.
CREATE OR REPLACE FUNCTION application_step_stats_on_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  app record;
  prev timestamptz;
  ev_day date := (NEW.occurred_at AT TIME ZONE 'Asia/Shanghai')::date;
  v_step text := NEW.data ->> 'step';
BEGIN
  IF v_step IS NULL OR v_step NOT IN ('review', 'decide', 'deliver') OR NEW.to_status = 'supplement_requested'
     OR coalesce((NEW.data ->> 'onTheSpot')::boolean, false) THEN
    RETURN NULL;
  END IF;
  SELECT a.service_id, a.centre_id, a.channel INTO app FROM applications a WHERE a.id = NEW.application_id;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT max(e.occurred_at) INTO prev FROM application_events e
   WHERE e.application_id = NEW.application_id AND e.id < NEW.id AND (e.data ->> 'escalated') IS NULL;
  INSERT INTO application_step_daily_stats AS t (day, service_id, centre_id, channel, step, n, days)
  VALUES (ev_day, app.service_id, app.centre_id, app.channel, v_step, 1,
          histogram_bump('{}'::integer[], working_days_between((coalesce(prev, NEW.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date, ev_day)))
  ON CONFLICT ON CONSTRAINT application_step_daily_stats_key DO UPDATE SET
      n = t.n + 1,
      days = histogram_merge(t.days, EXCLUDED.days);
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS application_step_stats_event ON application_events;
--> statement-breakpoint
CREATE TRIGGER application_step_stats_event AFTER INSERT ON application_events
  FOR EACH ROW EXECUTE FUNCTION application_step_stats_on_event();
