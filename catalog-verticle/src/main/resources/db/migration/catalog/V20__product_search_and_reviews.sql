-- Ranked full-text search over name (weight A), category (B) and description (C).
ALTER TABLE products
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name), 'A')
            || setweight(to_tsvector('english', category), 'B')
            || setweight(to_tsvector('english', description), 'C')) STORED,
    -- Kept by the statements that add or change reviews, in the same transaction.
    ADD COLUMN rating_sum   INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN rating_count INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN rating_avg   NUMERIC(3, 2) NOT NULL DEFAULT 0,
    -- Kept by the order statements that take and return stock.
    ADD COLUMN units_sold   INTEGER       NOT NULL DEFAULT 0;

CREATE INDEX products_search_idx ON products USING gin (search_vector);

-- One index per sort of active products, each ending in id for stable keyset pages (newest
-- first is the primary key read backwards).
CREATE INDEX products_active_price_idx ON products (price, id) WHERE is_active;
CREATE INDEX products_active_rating_idx ON products (rating_avg DESC, id DESC) WHERE is_active;
CREATE INDEX products_active_sold_idx ON products (units_sold DESC, id DESC) WHERE is_active;
CREATE INDEX products_active_category_price_idx ON products (lower(category), price, id) WHERE is_active;

CREATE TABLE product_reviews (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id BIGINT      NOT NULL REFERENCES products (id),
    buyer_id   BIGINT      NOT NULL REFERENCES users (id),
    rating     INTEGER     NOT NULL CHECK (rating >= 1 AND rating <= 5),
    comment    TEXT        NOT NULL DEFAULT '',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT product_reviews_one_per_buyer UNIQUE (product_id, buyer_id)
);

CREATE INDEX product_reviews_product_idx ON product_reviews (product_id, id DESC);
