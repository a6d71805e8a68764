package dev.marketplace.catalog;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A buyer's rating and comment on a product. */
public record Review(
    long id,
    long productId,
    long buyerId,
    String buyerName,
    int rating,
    String comment,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /** Columns with {@code r} the review and {@code b} its buyer. */
  static final String COLUMNS =
      "r.id, r.product_id, r.buyer_id, b.name AS buyer_name, r.rating, r.comment, r.created_at,"
          + " r.updated_at";

  static Review fromRow(Row row) {
    return new Review(
        row.getLong("id"),
        row.getLong("product_id"),
        row.getLong("buyer_id"),
        row.getString("buyer_name"),
        row.getInteger("rating"),
        row.getString("comment"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("product_id", productId)
        .put("buyer_id", buyerId)
        .put("buyer_name", buyerName)
        .put("rating", rating)
        .put("comment", comment)
        .put("created_at", Timestamps.format(createdAt))
        .put("updated_at", Timestamps.format(updatedAt));
  }
}
