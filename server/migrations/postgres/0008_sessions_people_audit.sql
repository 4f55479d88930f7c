-- Sessions of people who signed in (server/src/auth/store.rs): the id is
-- the cookie's, the data JSON; expired rows are swept.
CREATE TABLE sessions (
    id         TEXT    PRIMARY KEY,
    data       TEXT    NOT NULL,
    expires_at BIGINT  NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

-- Residents who have signed in with e-ID. The key is the personal identity
-- number when the e-ID gives one (the same person through any provider),
-- otherwise the provider's issuer and subject: a person without a Swedish
-- number (a foreign eIDAS identity) is a person too.
CREATE TABLE people (
    id              BIGSERIAL PRIMARY KEY,
    person_key      TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    last_sign_in_at BIGINT  NOT NULL
);

-- What happened, by whom, and when: sign-ins, sign-outs, failed sign-ins,
-- staff reading a case. Never personal identity numbers. Rows cannot be
-- changed or deleted through the database either.
CREATE TABLE audit_log (
    id      BIGSERIAL PRIMARY KEY,
    at      BIGINT  NOT NULL,
    actor   TEXT    NOT NULL,
    action  TEXT    NOT NULL,
    subject TEXT    NOT NULL DEFAULT '',
    detail  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE FUNCTION audit_log_unchangeable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the audit log cannot be changed';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_unchangeable();

-- A draft started by a signed-in resident is theirs alone: its secret is
-- not enough without being signed in as them.
ALTER TABLE drafts ADD COLUMN person_id BIGINT REFERENCES people (id);
