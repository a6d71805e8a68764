package dev.marketplace.order;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An order with the names buyers and sellers need to read it. The product fields describe an order
 * of one line and are null for an order of several (see its items).
 */
public record Order(
    long id,
    long buyerId,
    String buyerName,
    long sellerId,
    Long productId,
    String productName,
    Integer quantity,
    BigDecimal unitPrice,
    BigDecimal totalPrice,
    OrderStatus status,
    OrderPaymentStatus paymentStatus,
    String paymentFailure,
    OffsetDateTime paidAt,
    String carrier,
    String trackingNumber,
    String cancelReason,
    UUID checkoutId,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  /**
   * Columns every order query selects, with {@code o} the order, {@code b} its buyer and {@code p}
   * its product.
   */
  static final String COLUMNS =
      "o.id, o.buyer_id, b.name AS buyer_name, o.seller_id, o.product_id, p.name AS product_name,"
          + " o.quantity, o.unit_price, o.total_price, o.status, o.payment_status,"
          + " o.payment_failure, o.paid_at, o.carrier,"
          + " o.tracking_number, o.cancel_reason, o.checkout_id, o.created_at, o.updated_at";

  static Order fromRow(Row row) {
    return new Order(
        row.getLong("id"),
        row.getLong("buyer_id"),
        row.getString("buyer_name"),
        row.getLong("seller_id"),
        row.getLong("product_id"),
        row.getString("product_name"),
        row.getInteger("quantity"),
        row.getBigDecimal("unit_price"),
        row.getBigDecimal("total_price"),
        OrderStatus.fromDb(row.getString("status")),
        OrderPaymentStatus.fromDb(row.getString("payment_status")),
        row.getString("payment_failure"),
        row.getOffsetDateTime("paid_at"),
        row.getString("carrier"),
        row.getString("tracking_number"),
        row.getString("cancel_reason"),
        row.getUUID("checkout_id"),
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("updated_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("buyer_id", buyerId)
        .put("buyer_name", buyerName)
        .put("seller_id", sellerId)
        .put("product_id", productId)
        .put("product_name", productName)
        .put("quantity", quantity)
        .put("unit_price", unitPrice)
        .put("total_price", totalPrice)
        .put("status", status.dbValue())
        .put("payment_status", paymentStatus.dbValue())
        .put("paid", paymentStatus.holdsTheMoney())
        .put("payment_failure", paymentFailure)
        .put("paid_at", Timestamps.format(paidAt))
        .put("carrier", carrier)
        .put("tracking_number", trackingNumber)
        .put("cancel_reason", cancelReason)
        .put("checkout_id", checkoutId == null ? null : checkoutId.toString())
        .put("created_at", Timestamps.format(createdAt))
        .put("updated_at", Timestamps.format(updatedAt));
  }
}
