-- The accessibility check of a published version (server/src/accessibility.rs):
-- axe-core over every page of the version in every language, run from the
-- builder. Each row is one run; the newest row of a version is its result.
-- `state` is queued, running, passed (no violations), failed (violations
-- found) or error (the check could not run; `reference` is in the log).
-- `report` is the JSON report: every view checked and what axe-core found.
CREATE TABLE accessibility_checks (
    id           BIGSERIAL PRIMARY KEY,
    service_key  TEXT    NOT NULL,
    version      BIGINT  NOT NULL,
    state        TEXT    NOT NULL,
    requested_at BIGINT  NOT NULL,
    requested_by BIGINT  REFERENCES staff (id),
    finished_at  BIGINT,
    views        BIGINT  NOT NULL DEFAULT 0,
    violations   BIGINT  NOT NULL DEFAULT 0,
    reference    TEXT,
    report       TEXT
);
CREATE INDEX accessibility_checks_version ON accessibility_checks (service_key, version, id);
