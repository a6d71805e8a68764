-- The hourly sweep deletes expired refresh tokens and login failures nobody remembers any more.
CREATE INDEX refresh_tokens_expiry_idx ON refresh_tokens (expires_at);
CREATE INDEX login_failures_last_failure_idx ON login_failures (last_failure_at);
