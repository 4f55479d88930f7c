-- The one-question satisfaction survey after sending. It holds no personal
-- data: only the form version it is about, the answer, an optional comment
-- and the day it was given. The case only records that feedback was given,
-- so it is asked once.
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    form_version_id BIGINT  NOT NULL REFERENCES form_versions (id),
    rating          BIGINT  NOT NULL,
    comment         TEXT,
    given_on        TEXT    NOT NULL
);
CREATE INDEX feedback_form_version ON feedback (form_version_id);
ALTER TABLE cases ADD COLUMN feedback_given BIGINT NOT NULL DEFAULT 0;
