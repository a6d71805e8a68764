package dev.marketplace.catalog;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A product as buyers and sellers see it. */
public record Product(
    long id,
    long sellerId,
    String sellerName,
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    int inventory,
    boolean active,
    BigDecimal ratingAverage,
    int ratingCount,
    int unitsSold,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /**
   * Columns every product query selects, with {@code p} the product, {@code s} its row of {@code
   * product_stock} and {@code u} its seller.
   */
  static final String COLUMNS =
      "p.id, p.seller_id, u.name AS seller_name, p.sku, p.name, p.category, p.description, p.price,"
          + " s.inventory, p.is_active, p.rating_avg, p.rating_count, s.units_sold, p.created_at,"
          + " p.updated_at";

  /** The tables {@link #COLUMNS} reads, under their aliases. */
  static final String TABLES =
      "products p JOIN product_stock s ON s.product_id = p.id JOIN users u ON u.id = p.seller_id";

  static Product fromRow(Row row) {
    return new Product(
        row.getLong("id"),
        row.getLong("seller_id"),
        row.getString("seller_name"),
        row.getString("sku"),
        row.getString("name"),
        row.getString("category"),
        row.getString("description"),
        row.getBigDecimal("price"),
        row.getInteger("inventory"),
        row.getBoolean("is_active"),
        row.getBigDecimal("rating_avg"),
        row.getInteger("rating_count"),
        row.getInteger("units_sold"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("seller_id", sellerId)
        .put("seller_name", sellerName)
        .put("sku", sku)
        .put("name", name)
        .put("category", category)
        .put("description", description)
        .put("price", price)
        .put("inventory", inventory)
        .put("is_active", active)
        .put("rating_average", ratingAverage)
        .put("rating_count", ratingCount)
        .put("created_at", Timestamps.format(createdAt))
        .put("updated_at", Timestamps.format(updatedAt));
  }
}
