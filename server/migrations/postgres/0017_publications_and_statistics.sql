-- Publishing (server/src/authoring.rs): what residents are offered of a
-- service, and when. Each row makes `version` the one new residents get
-- from `at` on, or, with no version, takes the service down. The last row
-- whose time has come wins; rows still to come are scheduled and may be
-- cancelled. A service without rows offers its newest version.
CREATE TABLE publications (
    id          BIGSERIAL PRIMARY KEY,
    service_key TEXT    NOT NULL,
    version     BIGINT,
    at          BIGINT  NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  BIGINT  REFERENCES staff (id)
);
CREATE INDEX publications_service ON publications (service_key, at);

-- Statistics (server/src/statistics.rs): counts by service, day (in the
-- municipality's time zone) and what was counted. `page` is the page a
-- count belongs to (where drafts were left) or, for times to complete,
-- the time in seconds rounded to its bucket; empty otherwise. Nothing
-- here points at a person, a draft or a case.
CREATE TABLE service_stats (
    service_key TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    metric      TEXT    NOT NULL,
    page        TEXT    NOT NULL DEFAULT '',
    count       BIGINT  NOT NULL,
    PRIMARY KEY (service_key, day, metric, page)
);
