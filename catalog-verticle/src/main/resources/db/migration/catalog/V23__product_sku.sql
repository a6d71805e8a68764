-- A seller's own stock-keeping unit code, by which imports create or update products. Unique per
-- seller; products without one (NULL) do not collide. The constraint's index also serves the
-- lookups by seller and SKU.
ALTER TABLE products ADD COLUMN sku VARCHAR(64);
ALTER TABLE products ADD CONSTRAINT products_seller_sku_key UNIQUE (seller_id, sku);
