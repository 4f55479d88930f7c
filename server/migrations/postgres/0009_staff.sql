-- Staff: administrators, form authors and case handlers, in organisations
-- (departments), handling particular services (server/src/staff.rs). A
-- local account has an Argon2id password hash; one from the municipality's
-- identity provider has none.
CREATE TABLE organisations (
    id         BIGSERIAL PRIMARY KEY,
    key        TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

CREATE TABLE staff (
    id              BIGSERIAL PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    organisation_id BIGINT  REFERENCES organisations (id),
    password_hash   TEXT,
    -- Comma-separated: administrator, author, handler.
    roles           TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    disabled_at     BIGINT
);

-- The services a member of staff handles or authors.
CREATE TABLE staff_services (
    staff_id    BIGINT  NOT NULL REFERENCES staff (id),
    service_key TEXT    NOT NULL,
    PRIMARY KEY (staff_id, service_key)
);
