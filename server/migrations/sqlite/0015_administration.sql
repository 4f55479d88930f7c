-- Administration (server/src/admin.rs): which organisation owns a service
-- and who its named owner is. Which handlers handle it stays in
-- staff_services.
CREATE TABLE services (
    key             TEXT    NOT NULL PRIMARY KEY,
    organisation_id BIGINT  REFERENCES organisations (id),
    owner_id        BIGINT  REFERENCES staff (id)
);
