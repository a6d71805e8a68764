package dev.marketplace.catalog;

import dev.marketplace.common.json.Money;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;

/** The fields a seller sends to create or change a product; {@code null} means "not given". */
record ProductChanges(
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    Integer inventory,
    Boolean active) {

  static ProductChanges fromJson(JsonObject body) {
    return new ProductChanges(
        body.getString("sku"),
        strip(body.getString("name")),
        strip(body.getString("category")),
        body.getString("description"),
        Money.fromJson(body.getValue("price"), "price"),
        body.getInteger("inventory"),
        body.getBoolean("is_active"));
  }

  boolean isEmpty() {
    return sku == null
        && name == null
        && category == null
        && description == null
        && price == null
        && inventory == null
        && active == null;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }
}
