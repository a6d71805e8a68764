-- The status list already holds the whole lifecycle; which transitions are legal is decided by
-- OrderStatusMachine, not by the schema.
CREATE TABLE orders (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    buyer_id    BIGINT         NOT NULL REFERENCES users (id),
    seller_id   BIGINT         NOT NULL REFERENCES users (id),
    product_id  BIGINT         NOT NULL REFERENCES products (id),
    quantity    INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price  NUMERIC(12, 2) NOT NULL CHECK (unit_price > 0),
    -- Wider than a price: the largest quantity times the largest price must fit.
    total_price NUMERIC(16, 2) NOT NULL,
    status      VARCHAR(16)    NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'shipped', 'delivered', 'completed', 'cancelled')),
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT orders_total_is_quantity_times_price CHECK (total_price = unit_price * quantity)
);

CREATE INDEX orders_buyer_idx ON orders (buyer_id, id DESC);
CREATE INDEX orders_seller_idx ON orders (seller_id, id DESC);
CREATE INDEX orders_product_idx ON orders (product_id);

-- One row per status change: the order's history.
CREATE TABLE order_tracking (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   BIGINT       NOT NULL REFERENCES orders (id),
    status     VARCHAR(16)  NOT NULL,
    location   VARCHAR(255),
    notes      TEXT,
    actor_id   BIGINT       REFERENCES users (id),
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX order_tracking_order_idx ON order_tracking (order_id, id);
