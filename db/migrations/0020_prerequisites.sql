ALTER TYPE "public"."application_status" ADD VALUE 'awaiting' BEFORE 'submitted';--> statement-breakpoint
ALTER TYPE "public"."material_source" ADD VALUE 'awaiting';--> statement-breakpoint
ALTER TABLE "application_materials" ADD COLUMN "awaiting_application_id" uuid;--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_awaiting_application_id_applications_id_fk" FOREIGN KEY ("awaiting_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_materials_awaiting_idx" ON "application_materials" USING btree ("awaiting_application_id");--> statement-breakpoint
ALTER TABLE "application_materials" ADD CONSTRAINT "application_materials_awaiting" CHECK (("application_materials"."source"::text = 'awaiting') = ("application_materials"."awaiting_application_id" IS NOT NULL));--> statement-breakpoint
-- A submission counts once, at the application's first `submitted` event: an application that
-- waited for a prerequisite (awaiting -> submitted, or awaiting -> supplement_requested -> submitted)
-- is counted when its clock starts, as a draft is.
CREATE OR REPLACE FUNCTION application_daily_stats_on_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  app record;
  ev_day date := (NEW.occurred_at AT TIME ZONE 'Asia/Shanghai')::date;
  v_submitted integer := 0;
  v_accepted integer := 0;
  v_deemed integer := 0;
  v_supplement integer := 0;
  v_completed integer := 0;
  v_spot integer := 0;
  v_promised integer := 0;
  v_legal integer := 0;
  v_rejected integer := 0;
  v_withdrawn integer := 0;
  m_required integer := 0;
  m_library integer := 0;
  m_upload integer := 0;
  m_counter integer := 0;
  h_accept integer[] := '{}';
  h_days integer[] := '{}';
  h_hours integer[] := '{}';
  receipt timestamptz;
  clock_start date;
  on_spot boolean;
BEGIN
  IF NEW.to_status NOT IN ('submitted', 'accepted', 'supplement_requested', 'completed', 'rejected', 'withdrawn') THEN
    RETURN NULL;
  END IF;
  SELECT a.service_id, a.centre_id, a.channel, a.due_on, a.legal_due_on, a.paused_working_days, s.on_the_spot
    INTO app
    FROM applications a JOIN services s ON s.id = a.service_id
   WHERE a.id = NEW.application_id;
  IF NOT FOUND THEN RETURN NULL; END IF;

  IF NEW.to_status = 'submitted' THEN
    -- The first submission only: from a draft, from nothing, or once an awaited prerequisite came.
    IF EXISTS (SELECT 1 FROM application_events e
                WHERE e.application_id = NEW.application_id AND e.to_status = 'submitted' AND e.id < NEW.id) THEN
      RETURN NULL;
    END IF;
    v_submitted := 1;
    SELECT count(*) FILTER (WHERE m.source <> 'form'),
           count(*) FILTER (WHERE m.source = 'library'),
           count(*) FILTER (WHERE m.source = 'upload'),
           count(*) FILTER (WHERE m.source = 'counter')
      INTO m_required, m_library, m_upload, m_counter
      FROM application_materials m WHERE m.application_id = NEW.application_id;
  ELSIF NEW.to_status = 'accepted' THEN
    IF EXISTS (SELECT 1 FROM application_events e
                WHERE e.application_id = NEW.application_id AND e.to_status = 'accepted' AND e.id < NEW.id) THEN
      RETURN NULL;
    END IF;
    v_accepted := 1;
    v_deemed := CASE WHEN coalesce((NEW.data ->> 'deemed')::boolean, false) THEN 1 ELSE 0 END;
    SELECT max(e.occurred_at) INTO receipt FROM application_events e
     WHERE e.application_id = NEW.application_id AND e.to_status = 'submitted' AND e.id < NEW.id;
    h_accept := histogram_bump(h_accept,
      working_days_between((coalesce(receipt, NEW.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date, ev_day));
  ELSIF NEW.to_status = 'supplement_requested' THEN
    IF EXISTS (SELECT 1 FROM application_events e
                WHERE e.application_id = NEW.application_id AND e.to_status = 'supplement_requested' AND e.id < NEW.id) THEN
      RETURN NULL;
    END IF;
    v_supplement := 1;
  ELSIF NEW.to_status = 'completed' THEN
    v_completed := 1;
    on_spot := coalesce((NEW.data ->> 'onTheSpot')::boolean, app.on_the_spot);
    v_promised := CASE WHEN ev_day <= app.due_on THEN 1 ELSE 0 END;
    v_legal := CASE WHEN ev_day <= coalesce(app.legal_due_on, app.due_on) THEN 1 ELSE 0 END;
    IF on_spot THEN
      v_spot := 1;
      SELECT max(e.occurred_at) INTO receipt FROM application_events e
       WHERE e.application_id = NEW.application_id AND e.to_status = 'submitted' AND e.id < NEW.id;
      h_hours := histogram_bump(h_hours,
        floor(extract(epoch FROM NEW.occurred_at - coalesce(receipt, NEW.occurred_at)) / 3600)::integer);
    ELSE
      SELECT coalesce((e.data ->> 'clockStartOn')::date, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date)
        INTO clock_start
        FROM application_events e
       WHERE e.application_id = NEW.application_id AND e.to_status = 'accepted' AND e.id < NEW.id
       ORDER BY e.id LIMIT 1;
      h_days := histogram_bump(h_days,
        greatest(working_days_between(coalesce(clock_start, ev_day), ev_day) - app.paused_working_days, 0));
    END IF;
  ELSIF NEW.to_status = 'rejected' THEN
    v_rejected := 1;
  ELSE
    v_withdrawn := 1;
  END IF;

  INSERT INTO application_daily_stats AS t (
      day, service_id, centre_id, channel, submitted, accepted, deemed_accepted, supplement_requested,
      completed, completed_on_the_spot, completed_within_promised, completed_within_legal, rejected, withdrawn,
      materials_required, materials_from_library, materials_uploaded, materials_at_counter,
      accept_days, complete_days, complete_hours)
  VALUES (
      ev_day, app.service_id, app.centre_id, app.channel, v_submitted, v_accepted, v_deemed, v_supplement,
      v_completed, v_spot, v_promised, v_legal, v_rejected, v_withdrawn,
      m_required, m_library, m_upload, m_counter, h_accept, h_days, h_hours)
  ON CONFLICT ON CONSTRAINT application_daily_stats_key DO UPDATE SET
      submitted = t.submitted + EXCLUDED.submitted,
      accepted = t.accepted + EXCLUDED.accepted,
      deemed_accepted = t.deemed_accepted + EXCLUDED.deemed_accepted,
      supplement_requested = t.supplement_requested + EXCLUDED.supplement_requested,
      completed = t.completed + EXCLUDED.completed,
      completed_on_the_spot = t.completed_on_the_spot + EXCLUDED.completed_on_the_spot,
      completed_within_promised = t.completed_within_promised + EXCLUDED.completed_within_promised,
      completed_within_legal = t.completed_within_legal + EXCLUDED.completed_within_legal,
      rejected = t.rejected + EXCLUDED.rejected,
      withdrawn = t.withdrawn + EXCLUDED.withdrawn,
      materials_required = t.materials_required + EXCLUDED.materials_required,
      materials_from_library = t.materials_from_library + EXCLUDED.materials_from_library,
      materials_uploaded = t.materials_uploaded + EXCLUDED.materials_uploaded,
      materials_at_counter = t.materials_at_counter + EXCLUDED.materials_at_counter,
      accept_days = histogram_merge(t.accept_days, EXCLUDED.accept_days),
      complete_days = histogram_merge(t.complete_days, EXCLUDED.complete_days),
      complete_hours = histogram_merge(t.complete_hours, EXCLUDED.complete_hours);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION rebuild_application_daily_stats() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  written integer;
BEGIN
  TRUNCATE application_daily_stats;
  WITH bounds AS (
    SELECT (min(occurred_at) AT TIME ZONE 'Asia/Shanghai')::date - 400 AS lo,
           (max(occurred_at) AT TIME ZONE 'Asia/Shanghai')::date + 1 AS hi
      FROM application_events
  ),
  cal AS (
    SELECT g.day::date AS day,
           sum(CASE WHEN is_working THEN 1 ELSE 0 END) OVER (ORDER BY g.day) AS idx
      FROM bounds, generate_series(bounds.lo, bounds.hi, interval '1 day') AS g(day)
      LEFT JOIN LATERAL (
        SELECT coalesce((SELECT c.kind = 'workday' FROM calendar_days c WHERE c.day = g.day::date),
                        extract(isodow FROM g.day) < 6) AS is_working) w ON true
  ),
  ev AS (
    SELECT e.id, e.application_id, e.from_status, e.to_status, e.data, e.occurred_at,
           (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
           count(*) FILTER (WHERE e.to_status = 'accepted') OVER w AS prior_accepts,
           count(*) FILTER (WHERE e.to_status = 'supplement_requested') OVER w AS prior_supplements,
           count(*) FILTER (WHERE e.to_status = 'submitted') OVER w AS prior_submits,
           max(e.occurred_at) FILTER (WHERE e.to_status = 'submitted') OVER w AS receipt_at
      FROM application_events e
     WHERE e.to_status IN ('submitted', 'accepted', 'supplement_requested', 'completed', 'rejected', 'withdrawn')
    WINDOW w AS (PARTITION BY e.application_id ORDER BY e.id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
  ),
  first_accept AS (
    SELECT DISTINCT ON (e.application_id) e.application_id,
           coalesce((e.data ->> 'clockStartOn')::date, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date) AS clock_start
      FROM application_events e
     WHERE e.to_status = 'accepted'
     ORDER BY e.application_id, e.id
  ),
  mats AS (
    SELECT m.application_id,
           count(*) FILTER (WHERE m.source <> 'form') AS required,
           count(*) FILTER (WHERE m.source = 'library') AS library,
           count(*) FILTER (WHERE m.source = 'upload') AS upload,
           count(*) FILTER (WHERE m.source = 'counter') AS counter
      FROM application_materials m GROUP BY m.application_id
  ),
  facts AS (
    SELECT ev.day, a.service_id, a.centre_id, a.channel,
           (ev.to_status = 'submitted')::int AS submitted,
           (ev.to_status = 'accepted')::int AS accepted,
           (ev.to_status = 'accepted' AND coalesce((ev.data ->> 'deemed')::boolean, false))::int AS deemed,
           (ev.to_status = 'supplement_requested')::int AS supplement,
           (ev.to_status = 'completed')::int AS completed,
           (ev.to_status = 'completed' AND spot.on_spot)::int AS on_spot,
           (ev.to_status = 'completed' AND ev.day <= a.due_on)::int AS within_promised,
           (ev.to_status = 'completed' AND ev.day <= coalesce(a.legal_due_on, a.due_on))::int AS within_legal,
           (ev.to_status = 'rejected')::int AS rejected,
           (ev.to_status = 'withdrawn')::int AS withdrawn,
           CASE WHEN ev.to_status = 'submitted' THEN coalesce(mats.required, 0) ELSE 0 END AS m_required,
           CASE WHEN ev.to_status = 'submitted' THEN coalesce(mats.library, 0) ELSE 0 END AS m_library,
           CASE WHEN ev.to_status = 'submitted' THEN coalesce(mats.upload, 0) ELSE 0 END AS m_upload,
           CASE WHEN ev.to_status = 'submitted' THEN coalesce(mats.counter, 0) ELSE 0 END AS m_counter,
           CASE WHEN ev.to_status = 'accepted' THEN
             greatest(cal_e.idx - cal_r.idx, 0)::int END AS accept_days,
           CASE WHEN ev.to_status = 'completed' AND NOT spot.on_spot THEN
             greatest(greatest(cal_e.idx - cal_c.idx, 0) - a.paused_working_days, 0)::int END AS complete_days,
           CASE WHEN ev.to_status = 'completed' AND spot.on_spot THEN
             floor(extract(epoch FROM ev.occurred_at - coalesce(ev.receipt_at, ev.occurred_at)) / 3600)::int END AS complete_hours
      FROM ev
      JOIN applications a ON a.id = ev.application_id
      JOIN services s ON s.id = a.service_id
      CROSS JOIN LATERAL (SELECT coalesce((ev.data ->> 'onTheSpot')::boolean, s.on_the_spot) AS on_spot) spot
      LEFT JOIN mats ON ev.to_status = 'submitted' AND mats.application_id = ev.application_id
      LEFT JOIN first_accept fa ON ev.to_status = 'completed' AND fa.application_id = ev.application_id
      LEFT JOIN cal cal_e ON cal_e.day = ev.day
      LEFT JOIN cal cal_r ON ev.to_status = 'accepted'
                         AND cal_r.day = (coalesce(ev.receipt_at, ev.occurred_at) AT TIME ZONE 'Asia/Shanghai')::date
      LEFT JOIN cal cal_c ON ev.to_status = 'completed' AND cal_c.day = coalesce(fa.clock_start, ev.day)
     WHERE (ev.to_status = 'submitted' AND ev.prior_submits = 0)
        OR (ev.to_status = 'accepted' AND ev.prior_accepts = 0)
        OR (ev.to_status = 'supplement_requested' AND ev.prior_supplements = 0)
        OR ev.to_status IN ('completed', 'rejected', 'withdrawn')
  ),
  rated AS (
    SELECT (r.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, a.service_id, a.centre_id, a.channel, r.score
      FROM ratings r JOIN applications a ON a.id = r.application_id
  ),
  combined AS (
    SELECT f.*, NULL::smallint AS score FROM facts f
    UNION ALL
    SELECT day, service_id, centre_id, channel, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           NULL::int, NULL::int, NULL::int, score
      FROM rated
  )
  INSERT INTO application_daily_stats (
      day, service_id, centre_id, channel, submitted, accepted, deemed_accepted, supplement_requested,
      completed, completed_on_the_spot, completed_within_promised, completed_within_legal, rejected, withdrawn,
      materials_required, materials_from_library, materials_uploaded, materials_at_counter,
      accept_days, complete_days, complete_hours, rating_counts)
  SELECT day, service_id, centre_id, channel,
         sum(submitted), sum(accepted), sum(deemed), sum(supplement), sum(completed), sum(on_spot),
         sum(within_promised), sum(within_legal), sum(rejected), sum(withdrawn),
         sum(m_required), sum(m_library), sum(m_upload), sum(m_counter),
         coalesce(histogram_agg(accept_days) FILTER (WHERE accept_days IS NOT NULL), '{}'),
         coalesce(histogram_agg(complete_days) FILTER (WHERE complete_days IS NOT NULL), '{}'),
         coalesce(histogram_agg(complete_hours) FILTER (WHERE complete_hours IS NOT NULL), '{}'),
         ARRAY[count(*) FILTER (WHERE score = 1), count(*) FILTER (WHERE score = 2), count(*) FILTER (WHERE score = 3),
               count(*) FILTER (WHERE score = 4), count(*) FILTER (WHERE score = 5)]::integer[]
    FROM combined
   GROUP BY day, service_id, centre_id, channel;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END
$$;
