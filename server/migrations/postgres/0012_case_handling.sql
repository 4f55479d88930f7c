-- Case handling (server/src/handling.rs): the service a case belongs to
-- (for the inbox, without a join), the applicant's name when they signed
-- in (to search by), and the handler it is assigned to.
ALTER TABLE cases ADD COLUMN service_key TEXT;
UPDATE cases SET service_key =
    (SELECT v.service_key FROM form_versions v WHERE v.id = cases.form_version_id);
ALTER TABLE cases ADD COLUMN applicant_name TEXT;
UPDATE cases SET applicant_name = (SELECT p.name FROM people p WHERE p.id = cases.person_id);
ALTER TABLE cases ADD COLUMN assigned_to BIGINT REFERENCES staff (id);
-- The inbox (server/examples/inbox_bench.rs measures it). Each index
-- holds every column a filter reads, so filtering, counting and skipping to
-- a page never read the cases themselves (whose answers make them large):
-- by service; by date, to take a page newest or oldest first; by assignee,
-- for "mine".
CREATE INDEX cases_inbox ON cases (service_key, status, assigned_to, submitted_at, applicant_name);
CREATE INDEX cases_submitted ON cases (submitted_at, service_key, status, assigned_to, applicant_name);
CREATE INDEX cases_assigned ON cases (assigned_to, service_key, status, submitted_at);
CREATE INDEX audit_log_subject ON audit_log (subject, id);

-- A service's default handler: a new case of the service is assigned to
-- them as it arrives (`blankett staff add … --default-for <service>`).
ALTER TABLE staff_services ADD COLUMN default_handler BIGINT NOT NULL DEFAULT 0;
