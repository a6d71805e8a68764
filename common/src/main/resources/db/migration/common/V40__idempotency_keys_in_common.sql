-- The answers kept for Idempotency-Key retries, now common to every verticle's write operations
-- (common's IdempotencyKeys). The order module's V10 made this table on every database that has
-- been migrated with it; this makes it where a module runs without the order module's migrations.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    account_id   BIGINT       NOT NULL,
    operation    VARCHAR(64)  NOT NULL,
    key          VARCHAR(255) NOT NULL,
    request_hash BYTEA        NOT NULL,
    status       INTEGER      NOT NULL,
    response     TEXT         NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, operation, key)
);

CREATE INDEX IF NOT EXISTS idempotency_keys_expiry_idx ON idempotency_keys (expires_at);

COMMENT ON COLUMN idempotency_keys.account_id IS
    'The caller''s account, or 0 for operations that take no token (registration).';
