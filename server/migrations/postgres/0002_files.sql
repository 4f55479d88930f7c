-- Files attached to answers (photos, budgets). A file belongs to the
-- submission it was uploaded with; the answers name it by its id. The bytes
-- are in the file store (files under the data directory by default).
CREATE TABLE files (
    id             TEXT    NOT NULL PRIMARY KEY,
    submission_key TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    size           BIGINT  NOT NULL,
    uploaded_at    BIGINT  NOT NULL
);
CREATE INDEX files_submission ON files (submission_key);
