-- The whole order lifecycle: payment, shipping and cancellation facts on the order, and richer
-- history rows (shipping events as well as status changes, with who did them).
ALTER TABLE orders
    ADD COLUMN paid_at         TIMESTAMPTZ,
    ADD COLUMN carrier         VARCHAR(100),
    ADD COLUMN tracking_number VARCHAR(100),
    ADD COLUMN cancel_reason   TEXT;

ALTER TABLE order_tracking
    ADD COLUMN kind       VARCHAR(16) NOT NULL DEFAULT 'status' CHECK (kind IN ('status', 'shipping')),
    ADD COLUMN actor_role VARCHAR(16) CHECK (actor_role IN ('buyer', 'seller', 'system'));

-- Finds unpaid orders whose hold on the stock has run out.
CREATE INDEX orders_unpaid_idx ON orders (created_at) WHERE status = 'pending' AND paid_at IS NULL;
-- Order lists filtered by status, newest first.
CREATE INDEX orders_buyer_status_idx ON orders (buyer_id, status, id DESC);
CREATE INDEX orders_seller_status_idx ON orders (seller_id, status, id DESC);

-- First responses of create operations, by the client's Idempotency-Key.
CREATE TABLE idempotency_keys (
    account_id   BIGINT       NOT NULL,
    operation    VARCHAR(64)  NOT NULL,
    key          VARCHAR(255) NOT NULL,
    request_hash BYTEA        NOT NULL,
    status       INTEGER      NOT NULL,
    response     TEXT         NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, operation, key)
);

CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);
