-- Images of a product, in the seller's order. The bytes live in image storage under
-- storage_key (the original) and thumbnail_key; sha256 doubles as the HTTP ETag.
CREATE TABLE product_images (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id    BIGINT       NOT NULL REFERENCES products (id),
    position      INTEGER      NOT NULL,
    content_type  VARCHAR(32)  NOT NULL,
    width         INTEGER      NOT NULL,
    height        INTEGER      NOT NULL,
    byte_size     INTEGER      NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    storage_key   VARCHAR(200) NOT NULL,
    thumbnail_key VARCHAR(200) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX product_images_product_idx ON product_images (product_id, position);
