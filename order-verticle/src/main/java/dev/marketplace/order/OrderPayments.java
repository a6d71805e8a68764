package dev.marketplace.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The order side of a payment, for the payment verticle. Every method takes the payment's
 * transaction, so that the payment row and its order change together or not at all (a crossing of
 * module ownership that the design asks for: a captured payment moves its order on).
 */
public final class OrderPayments {

  private final String[] payableFrom;

  public OrderPayments(OrderStatusMachine machine) {
    this.payableFrom =
        machine.sourcesOf(Actor.SYSTEM, OrderStatus.PROCESSING).stream()
            .map(OrderStatus::dbValue)
            .toArray(String[]::new);
  }

  /** An order as a payment sees it, locked until the transaction ends. */
  public record PayableOrder(
      long id, long buyerId, OrderStatus status, BigDecimal total, String paymentStatus) {}

  /** Locks the order, so that concurrent payment attempts on it queue behind each other. */
  public Future<Optional<PayableOrder>> lock(SqlClient tx, long orderId) {
    return tx.preparedQuery(
            "SELECT id, buyer_id, status, total_price, payment_status FROM orders"
                + " WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(orderId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row row = rows.iterator().next();
              return Optional.of(
                  new PayableOrder(
                      row.getLong("id"),
                      row.getLong("buyer_id"),
                      OrderStatus.fromDb(row.getString("status")),
                      row.getBigDecimal("total_price"),
                      row.getString("payment_status")));
            });
  }

  /** A payment attempt has begun ({@code pending}) or been authorized. */
  public Future<Void> paymentInProgress(SqlClient tx, long orderId, String paymentStatus) {
    return tx.preparedQuery(
            "UPDATE orders SET payment_status = $2, payment_failure = NULL, updated_at = now()"
                + " WHERE id = $1 AND payment_status IN ('unpaid', 'failed', 'pending')")
        .execute(Tuple.of(orderId, paymentStatus))
        .mapEmpty();
  }

  /**
   * The money is captured: a pending order moves to processing with its history row. An order that
   * was cancelled (or expired) while the payment was under way stays cancelled, and its refund
   * becomes due instead; then the result is empty.
   */
  public Future<Optional<OrderRepository.Change>> paid(SqlClient tx, long orderId) {
    return tx.preparedQuery(
            "WITH o AS (UPDATE orders SET status = 'processing', payment_status = 'captured',"
                + " payment_failure = NULL, paid_at = now(), updated_at = now()"
                + " WHERE id = $1 AND status = ANY($2) RETURNING *),"
                + " t AS (INSERT INTO order_tracking (order_id, status, notes, actor_role)"
                + " SELECT id, status, 'Payment captured.', 'system' FROM o RETURNING *)"
                + " SELECT "
                + Order.COLUMNS
                + ","
                + OrderRepository.EVENT_OF_CHANGE
                + " FROM o JOIN t ON t.order_id = o.id"
                + " JOIN users b ON b.id = o.buyer_id LEFT JOIN products p ON p.id = o.product_id")
        .execute(Tuple.tuple().addValue(orderId).addValue(payableFrom))
        .map(OrderRepository::change)
        .compose(
            change -> {
              if (change.isPresent()) {
                return Future.succeededFuture(change);
              }
              return tx.preparedQuery(
                      "UPDATE orders SET payment_status = 'refund_pending', updated_at = now()"
                          + " WHERE id = $1")
                  .execute(Tuple.of(orderId))
                  .map(Optional.empty());
            });
  }

  /** The payment failed: the order stays as it is, with the reason for its buyer to read. */
  public Future<Void> paymentFailed(SqlClient tx, long orderId, String reason) {
    return tx.preparedQuery(
            "UPDATE orders SET payment_status = 'failed', payment_failure = $2, updated_at = now()"
                + " WHERE id = $1 AND payment_status IN ('pending', 'authorized')")
        .execute(Tuple.of(orderId, reason))
        .mapEmpty();
  }

  /** The money of a cancelled order went back to the buyer. */
  public Future<Void> refunded(SqlClient tx, long orderId) {
    return tx.preparedQuery(
            "UPDATE orders SET payment_status = 'refunded', updated_at = now()"
                + " WHERE id = $1 AND payment_status = 'refund_pending'")
        .execute(Tuple.of(orderId))
        .mapEmpty();
  }

  /** Orders whose refund is due, oldest first. */
  public Future<List<Long>> refundsDue(SqlClient client, int limit) {
    return client
        .preparedQuery(
            "SELECT id FROM orders WHERE payment_status = 'refund_pending' ORDER BY id LIMIT $1")
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<Long> ids = new ArrayList<>(rows.size());
              rows.forEach(row -> ids.add(row.getLong("id")));
              return ids;
            });
  }
}
