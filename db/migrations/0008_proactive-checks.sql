-- Proactive service: "has the subject applied for this service?" is probed per candidate
-- (withoutServed in lib/eligibility/sql-fragments.ts); one index range per (applicant, service)
-- instead of all of the applicant's applications.
CREATE INDEX IF NOT EXISTS applications_applicant_service_idx ON applications (applicant_person_id, service_id, status);
