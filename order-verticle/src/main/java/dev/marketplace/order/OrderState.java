package dev.marketplace.order;

import io.vertx.sqlclient.Row;
import java.math.BigDecimal;

/**
 * Where an order stands: who buys and sells it, its status, where its money stands and its total.
 * Read to explain a refused change, and by a payment before it starts.
 *
 * @param paid whether a payment was ever captured for it (a refund does not undo that)
 */
public record OrderState(
    long id,
    long buyerId,
    long sellerId,
    OrderStatus status,
    OrderPaymentStatus paymentStatus,
    BigDecimal total,
    boolean paid) {

  static final String SELECT =
      "SELECT id, buyer_id, seller_id, status, payment_status, total_price,"
          + " paid_at IS NOT NULL AS paid FROM orders WHERE id = $1";

  static OrderState fromRow(Row row) {
    return new OrderState(
        row.getLong("id"),
        row.getLong("buyer_id"),
        row.getLong("seller_id"),
        OrderStatus.fromDb(row.getString("status")),
        OrderPaymentStatus.fromDb(row.getString("payment_status")),
        row.getBigDecimal("total_price"),
        row.getBoolean("paid"));
  }
}
