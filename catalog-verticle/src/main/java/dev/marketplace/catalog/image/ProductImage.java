package dev.marketplace.catalog.image;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** An image of a product as stored, and as buyers see it: URLs of the image and its thumbnail. */
public record ProductImage(
    long id,
    long productId,
    int position,
    String contentType,
    int width,
    int height,
    String sha256,
    String storageKey,
    String thumbnailKey) {

  static ProductImage fromRow(Row row) {
    return new ProductImage(
        row.getLong("id"),
        row.getLong("product_id"),
        row.getInteger("position"),
        row.getString("content_type"),
        row.getInteger("width"),
        row.getInteger("height"),
        row.getString("sha256"),
        row.getString("storage_key"),
        row.getString("thumbnail_key"));
  }

  public String url() {
    return "/api/images/" + id;
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("product_id", productId)
        .put("position", position)
        .put("content_type", contentType)
        .put("width", width)
        .put("height", height)
        .put("url", url())
        .put("thumbnail_url", url() + "/thumbnail");
  }
}
