-- Image bytes live in the database, so that every catalog node serves the same ones. Keys are
-- content hashes (an original and its thumbnail), shared by identical uploads.
CREATE TABLE image_blobs (
    storage_key VARCHAR(200) PRIMARY KEY,
    content     BYTEA        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Images are compressed already: store them out of line without trying to compress them again.
ALTER TABLE image_blobs ALTER COLUMN content SET STORAGE EXTERNAL;

-- An image cannot be listed without its bytes, and bytes still listed cannot be deleted, however
-- uploads and deletions interleave. NOT VALID: images of earlier versions, kept as files, have no
-- bytes here until the catalog imports them at start; every new row is checked.
CREATE INDEX product_images_storage_key_idx ON product_images (storage_key);
CREATE INDEX product_images_thumbnail_key_idx ON product_images (thumbnail_key);
ALTER TABLE product_images
    ADD CONSTRAINT product_images_storage_key_fkey
        FOREIGN KEY (storage_key) REFERENCES image_blobs (storage_key) NOT VALID,
    ADD CONSTRAINT product_images_thumbnail_key_fkey
        FOREIGN KEY (thumbnail_key) REFERENCES image_blobs (storage_key) NOT VALID;
