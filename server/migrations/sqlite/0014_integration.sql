-- Back-office integration (server/src/integration.rs, server/src/http/api.rs).

-- API tokens: one per back-office system and service. Only the token's
-- SHA-256 is kept; the token itself is shown once, when it is made.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    system       TEXT    NOT NULL,
    service_key  TEXT    NOT NULL,
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   BIGINT  NOT NULL,
    created_by   TEXT    NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);

-- A case taken over by a back-office system: which, and when; the API's
-- list of new cases leaves it out from then on.
ALTER TABLE cases ADD COLUMN taken_over_at BIGINT;
ALTER TABLE cases ADD COLUMN taken_over_by TEXT;

-- An event done by a back-office system through the API: its name.
ALTER TABLE case_events ADD COLUMN actor TEXT;

-- Webhooks: addresses told of a service's new cases, completions and
-- messages from residents. The secret signs each delivery (HMAC-SHA256);
-- it is shown once and kept, since signing needs it.
CREATE TABLE webhooks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    service_key TEXT    NOT NULL,
    url         TEXT    NOT NULL,
    secret      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL,
    created_by  TEXT    NOT NULL,
    removed_at  BIGINT
);

-- Each event for each webhook, written in the same commit as what it
-- tells of, and delivered by a worker with retries and backoff (an outbox,
-- like the mail's).
CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id      BIGINT  NOT NULL REFERENCES webhooks (id),
    event           TEXT    NOT NULL,
    case_reference  TEXT    NOT NULL,
    payload         TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    locked_until    BIGINT  NOT NULL DEFAULT 0,
    delivered_at    BIGINT,
    failed_at       BIGINT,
    last_status     BIGINT,
    last_error      TEXT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (delivered_at, failed_at, next_attempt_at);
CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id);
