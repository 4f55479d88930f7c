-- Case handling (server/src/handling.rs): the service a case belongs to
-- (for the inbox, without a join), the applicant's name when they signed
-- in (to search by), and the handler it is assigned to.
ALTER TABLE cases ADD COLUMN service_key TEXT;
UPDATE cases SET service_key =
    (SELECT v.service_key FROM form_versions v WHERE v.id = cases.form_version_id);
ALTER TABLE cases ADD COLUMN applicant_name TEXT;
UPDATE cases SET applicant_name = (SELECT p.name FROM people p WHERE p.id = cases.person_id);
ALTER TABLE cases ADD COLUMN assigned_to BIGINT REFERENCES staff (id);
CREATE INDEX cases_inbox ON cases (service_key, submitted_at);
CREATE INDEX cases_inbox_status ON cases (service_key, status, submitted_at);
CREATE INDEX cases_assigned ON cases (assigned_to, submitted_at);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
