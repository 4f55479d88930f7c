-- Everything sent outward is written here in the same transaction as the
-- change that caused it, and a worker delivers it with retries
-- (server/src/mail.rs). A row is claimed by setting locked_until, so two
-- servers never send it at once; once sent, its body (which may hold
-- personal data) is emptied and only the record that it went out is kept.
CREATE TABLE outbox (
    id              BIGSERIAL PRIMARY KEY,
    case_id         BIGINT  REFERENCES cases (id),
    recipient       TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    locked_until    BIGINT  NOT NULL DEFAULT 0,
    sent_at         BIGINT,
    failed_at       BIGINT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
