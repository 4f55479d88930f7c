-- A case's history, as the resident sees it in "My cases" and the handler
-- in the case view: every status change and every message, in order. The
-- status a case is in now is kept on the case itself, for listing. Its
-- first status, received, is the case's own `submitted_at` (no row: a
-- submission writes nothing more than the case).
-- kind: 'status' (status names the new one) or 'message' (body is the
--   text; from_staff says who wrote it).
-- seen_at: when the other side first read a message (NULL: not yet), so a
--   new message can be marked.
ALTER TABLE cases ADD COLUMN status TEXT NOT NULL DEFAULT 'received';
ALTER TABLE cases ADD COLUMN status_at BIGINT;
UPDATE cases SET status_at = submitted_at;

CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    BIGINT  NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    at         BIGINT  NOT NULL,
    kind       TEXT    NOT NULL,
    status     TEXT,
    body       TEXT,
    from_staff BIGINT  NOT NULL DEFAULT 0,
    staff_id   BIGINT  REFERENCES staff (id),
    seen_at    BIGINT,
    -- A message's key from the form it was written in: posting it twice (a
    -- double click, a retried request) stores it once.
    post_key   TEXT    UNIQUE
);
CREATE INDEX case_events_case ON case_events (case_id, id);


-- "My cases": a person's cases and drafts.
CREATE INDEX cases_person ON cases (person_id, submitted_at);
CREATE INDEX drafts_person ON drafts (person_id);
