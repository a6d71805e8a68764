package dev.marketplace.order;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;

/** One line of an order: a product, how many, at what price. */
public record OrderItem(
    long orderId,
    long productId,
    String productName,
    int quantity,
    BigDecimal unitPrice,
    BigDecimal lineTotal) {

  static OrderItem fromRow(Row row) {
    return new OrderItem(
        row.getLong("order_id"),
        row.getLong("product_id"),
        row.getString("product_name"),
        row.getInteger("quantity"),
        row.getBigDecimal("unit_price"),
        row.getBigDecimal("line_total"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("product_id", productId)
        .put("product_name", productName)
        .put("quantity", quantity)
        .put("unit_price", unitPrice)
        .put("line_total", lineTotal);
  }
}
