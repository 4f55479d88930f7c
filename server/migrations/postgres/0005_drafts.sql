-- A form being filled in, page by page: the answers so far, pinned to the
-- form version it was started on. The person holds a random secret (in a
-- cookie, and in a resume link if they ask for one); only SHA-256 hashes of
-- the secrets are stored. Expired drafts are deleted for good
-- (server/src/drafts.rs).
CREATE TABLE drafts (
    id              BIGSERIAL PRIMARY KEY,
    secret_hash     TEXT    NOT NULL UNIQUE,
    resume_hash     TEXT    UNIQUE,
    form_version_id BIGINT  NOT NULL REFERENCES form_versions (id),
    submission_key  TEXT    NOT NULL,
    language        TEXT    NOT NULL,
    answers         TEXT    NOT NULL,
    page            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    expires_at      BIGINT  NOT NULL
);
CREATE INDEX drafts_expiry ON drafts (expires_at);
-- Not unique: a first page posted twice at once makes two drafts of one
-- submission, and sending either gives the same case.
CREATE INDEX drafts_submission ON drafts (submission_key);
