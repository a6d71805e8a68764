package dev.marketplace.catalog.image;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;

/** The {@code product_images} table. */
public final class ProductImageRepository {

  /** The images of product $1 in order; public so that the benchmark runs the very same SQL. */
  public static final String OF_PRODUCT =
      "SELECT * FROM product_images WHERE product_id = $1 ORDER BY position, id";

  /** The seller of the product images are added to, if the product exists. */
  public Future<Optional<Long>> sellerOf(SqlClient client, long productId) {
    return client
        .preparedQuery("SELECT seller_id FROM products WHERE id = $1")
        .mapping(row -> row.getLong("seller_id"))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /**
   * Adds an image after the product's last one; empty unless the seller owns the product and both
   * stored keys are there. The stored bytes are share-locked by key first, so that no release can
   * take them away before this transaction ends: a listing never fails on its foreign keys, which
   * would end the transaction it runs in.
   */
  public Future<Optional<ProductImage>> insert(
      SqlClient client,
      long productId,
      long sellerId,
      ImageInspector.Inspected image,
      int byteSize,
      String storageKey,
      String thumbnailKey) {
    return client
        .preparedQuery(
            "WITH kept AS (SELECT storage_key FROM image_blobs"
                + " WHERE storage_key IN ($8, $9) FOR KEY SHARE)"
                + " INSERT INTO product_images (product_id, position, content_type, width, height,"
                + " byte_size, sha256, storage_key, thumbnail_key)"
                + " SELECT id, coalesce((SELECT max(position) FROM product_images"
                + " WHERE product_id = $1), 0) + 1, $3, $4, $5, $6, $7, $8, $9"
                + " FROM products WHERE id = $1 AND seller_id = $2"
                + " AND (SELECT count(*) FROM kept) = 2 RETURNING *")
        .mapping(ProductImage::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  productId,
                  sellerId,
                  image.contentType(),
                  image.width(),
                  image.height(),
                  byteSize,
                  image.sha256(),
                  storageKey,
                  thumbnailKey
                }))
        .map(Rows::first);
  }

  public Future<List<ProductImage>> ofProduct(SqlClient client, long productId) {
    return client
        .preparedQuery(OF_PRODUCT)
        .mapping(ProductImage::fromRow)
        .execute(Tuple.of(productId))
        .map(Rows::list);
  }

  public Future<Optional<ProductImage>> find(SqlClient client, long imageId) {
    return client
        .preparedQuery("SELECT * FROM product_images WHERE id = $1")
        .mapping(ProductImage::fromRow)
        .execute(Tuple.of(imageId))
        .map(Rows::first);
  }

  /** Deletes an image of a product the seller owns; empty when there is no such image. */
  public Future<Optional<ProductImage>> delete(
      SqlClient client, long imageId, long productId, long sellerId) {
    return client
        .preparedQuery(
            "DELETE FROM product_images i USING products p WHERE i.id = $1 AND i.product_id = $2"
                + " AND p.id = i.product_id AND p.seller_id = $3 RETURNING i.*")
        .mapping(ProductImage::fromRow)
        .execute(Tuple.of(imageId, productId, sellerId))
        .map(Rows::first);
  }
}
