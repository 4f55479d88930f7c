-- Published form versions: immutable once written.
CREATE TABLE form_versions (
    id           BIGSERIAL PRIMARY KEY,
    service_key  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    definition   TEXT    NOT NULL,
    published_at BIGINT  NOT NULL,
    UNIQUE (service_key, version)
);

-- A case is what a resident sent in, pinned to the form version they saw.
CREATE TABLE cases (
    id              BIGSERIAL PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    receipt_token   TEXT    NOT NULL UNIQUE,
    submission_key  TEXT    NOT NULL UNIQUE,
    form_version_id BIGINT  NOT NULL REFERENCES form_versions (id),
    language        TEXT    NOT NULL,
    answers         TEXT    NOT NULL,
    submitted_at    BIGINT  NOT NULL
);
CREATE INDEX cases_form_version ON cases (form_version_id);
