-- Operating notices ("planned maintenance tonight"): shown on every page of
-- one service, or of the whole site when service_key is NULL, from
-- starts_at until ends_at (or until ended). The message is JSON: language
-- tag to text. Set with `blankett notice` (server/src/notices.rs).
CREATE TABLE notices (
    id          BIGSERIAL PRIMARY KEY,
    service_key TEXT,
    message     TEXT    NOT NULL,
    warning     BIGINT  NOT NULL DEFAULT 0,
    starts_at   BIGINT  NOT NULL,
    ends_at     BIGINT,
    created_at  BIGINT  NOT NULL
);
