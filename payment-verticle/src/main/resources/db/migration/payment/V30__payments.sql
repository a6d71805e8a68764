-- One row per attempt to pay an order. The amount is the order's total, copied by the server.
CREATE TABLE payments (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id        BIGINT         NOT NULL REFERENCES orders (id),
    buyer_id        BIGINT         NOT NULL REFERENCES users (id),
    amount          NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    payment_method  VARCHAR(50)    NOT NULL,
    payment_status  VARCHAR(16)    NOT NULL DEFAULT 'pending'
        CHECK (payment_status IN ('pending', 'authorized', 'captured', 'failed', 'refunded')),
    provider        VARCHAR(32)    NOT NULL,
    -- Sent with every gateway call about this payment: the gateway dedupes on it, and the
    -- reconciler looks the payment up by it after a timeout.
    gateway_key     UUID           NOT NULL UNIQUE,
    transaction_id  VARCHAR(255),
    failure_code    VARCHAR(64),
    failure_message TEXT,
    -- The buyer's Idempotency-Key and a hash of the request it came with.
    client_key      VARCHAR(255),
    request_hash    BYTEA,
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (buyer_id, client_key)
);

-- At most one payment per order may be in flight or hold the money: a double submit cannot
-- charge twice even if every other check were skipped.
CREATE UNIQUE INDEX payments_one_live_per_order ON payments (order_id)
    WHERE payment_status IN ('pending', 'authorized', 'captured');
CREATE INDEX payments_order_idx ON payments (order_id, id);
-- The reconciler's list of payments whose outcome is not known yet.
CREATE INDEX payments_unsettled_idx ON payments (updated_at)
    WHERE payment_status IN ('pending', 'authorized');

-- Every status change of a payment, with the gateway's reference.
CREATE TABLE payment_events (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id        BIGINT      NOT NULL REFERENCES payments (id),
    payment_status    VARCHAR(16) NOT NULL,
    gateway_reference VARCHAR(255),
    detail            TEXT,
    source            VARCHAR(16) NOT NULL CHECK (source IN ('api', 'webhook', 'reconciler')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX payment_events_payment_idx ON payment_events (payment_id, id);

-- Gateway notifications already handled: each provider event is applied once.
CREATE TABLE webhook_events (
    provider    VARCHAR(32)  NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    event_type  VARCHAR(64)  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, event_id)
);
