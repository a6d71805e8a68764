-- Orders can hold several products of one seller (a checkout makes one order per seller). Each
-- order's lines live in order_items; the product columns on orders stay filled for one-line
-- orders, which all orders placed before this migration are.
CREATE TABLE order_items (
    order_id   BIGINT         NOT NULL REFERENCES orders (id),
    product_id BIGINT         NOT NULL REFERENCES products (id),
    quantity   INTEGER        NOT NULL CHECK (quantity > 0),
    unit_price NUMERIC(12, 2) NOT NULL CHECK (unit_price > 0),
    line_total NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT order_items_total_is_quantity_times_price CHECK (line_total = unit_price * quantity)
);

CREATE INDEX order_items_product_idx ON order_items (product_id);

INSERT INTO order_items (order_id, product_id, quantity, unit_price, line_total)
SELECT id, product_id, quantity, unit_price, total_price FROM orders;

ALTER TABLE orders
    ADD COLUMN checkout_id UUID,
    ALTER COLUMN product_id DROP NOT NULL,
    ALTER COLUMN quantity DROP NOT NULL,
    ALTER COLUMN unit_price DROP NOT NULL,
    DROP CONSTRAINT orders_total_is_quantity_times_price,
    ADD CONSTRAINT orders_one_line_fields_together
        CHECK ((product_id IS NULL) = (quantity IS NULL) AND (quantity IS NULL) = (unit_price IS NULL)),
    ADD CONSTRAINT orders_total_positive CHECK (total_price > 0);

CREATE INDEX orders_checkout_idx ON orders (checkout_id) WHERE checkout_id IS NOT NULL;
