-- Form authoring (server/src/authoring.rs): the version of a service being
-- edited, before it is published. One a service; publishing makes it an
-- immutable row of form_versions and deletes it. `definition` is the
-- definition's JSON as written, which may not compile yet: its problems
-- are shown until they are fixed.
CREATE TABLE form_drafts (
    service_key TEXT    NOT NULL PRIMARY KEY,
    definition  TEXT    NOT NULL,
    updated_at  BIGINT  NOT NULL,
    updated_by  BIGINT  REFERENCES staff (id)
);
