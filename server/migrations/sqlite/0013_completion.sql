-- Requests for completion and their answers, in a case's history.
-- kind 'request': a handler asks the resident for more (body says what);
--   wants_files: whether files may come with the answer.
-- kind 'completion': the resident's answer (body, possibly empty) and the
--   files sent with it (files: a JSON list of their descriptions; their
--   records are in `files` under the case's submission key).
-- A request is open until a completion follows it.
ALTER TABLE case_events ADD COLUMN wants_files BIGINT NOT NULL DEFAULT 0;
ALTER TABLE case_events ADD COLUMN files TEXT;
