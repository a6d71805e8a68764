-- Refresh tokens, stored only as SHA-256 hashes. Every rotation adds a row to the same family; a
-- token presented twice revokes its whole family.
CREATE TABLE refresh_tokens (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash BYTEA       NOT NULL UNIQUE,
    family_id  UUID        NOT NULL,
    user_id    BIGINT      NOT NULL REFERENCES users (id),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- Consecutive failed logins per account (lower-cased email, known or not) and client address.
CREATE TABLE login_failures (
    email_key       TEXT        NOT NULL,
    client_address  TEXT        NOT NULL,
    failures        INTEGER     NOT NULL,
    last_failure_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ,
    PRIMARY KEY (email_key, client_address)
);
