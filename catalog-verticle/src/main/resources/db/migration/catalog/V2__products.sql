-- Trigram indexes make case-insensitive substring search on names use an index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE products (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    seller_id   BIGINT        NOT NULL REFERENCES users (id),
    name        VARCHAR(255)  NOT NULL,
    category    VARCHAR(100)  NOT NULL,
    description TEXT          NOT NULL DEFAULT '',
    price       NUMERIC(12, 2) NOT NULL CHECK (price > 0),
    inventory   INTEGER       NOT NULL DEFAULT 0 CHECK (inventory >= 0),
    is_active   BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);

CREATE INDEX products_seller_idx ON products (seller_id, id);
CREATE INDEX products_active_category_idx ON products (lower(category), id) WHERE is_active;
CREATE INDEX products_name_trgm_idx ON products USING gin (name gin_trgm_ops);
