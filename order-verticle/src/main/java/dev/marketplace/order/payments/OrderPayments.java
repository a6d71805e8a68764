package dev.marketplace.order.payments;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.order.Actor;
import dev.marketplace.order.OrderChange;
import dev.marketplace.order.OrderEventPublisher;
import dev.marketplace.order.OrderPaymentStatus;
import dev.marketplace.order.OrderRepository;
import dev.marketplace.order.OrderState;
import dev.marketplace.order.OrderStatus;
import dev.marketplace.order.OrderStatusMachine;
import dev.marketplace.order.analytics.SalesRollup;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the payment verticle may do with orders (an architecture test holds it to this
 * package): find the order a buyer pays and lock it, and record on it where its money stands.
 *
 * <p>Every method that changes an order takes the payment's transaction, so that the payment row
 * and its order change together or not at all: a crossing of module ownership that the design asks
 * for, with one database (a captured payment moves its order on). What a capture changed is
 * published by {@link #afterCommit}, once that transaction has committed.
 */
public final class OrderPayments {

  private final OrderRepository orders = new OrderRepository();
  private final OrderEventPublisher publisher;
  private final Set<OrderStatus> payableFrom;

  public OrderPayments(Vertx vertx) {
    this.publisher = new OrderEventPublisher(vertx);
    this.payableFrom = new OrderStatusMachine().sourcesOf(Actor.SYSTEM, OrderStatus.PROCESSING);
  }

  /**
   * The buyer's order, locked until the transaction ends, so that concurrent payment attempts on it
   * queue behind each other. Fails with 404 for an unknown order, 403 for someone else's.
   */
  public Future<PayableOrder> lockForPayment(SqlClient tx, long orderId, long buyerId) {
    return orders
        .lockState(tx, orderId)
        .map(found -> new PayableOrder(ofBuyer(found, orderId, buyerId), payableFrom));
  }

  /** Succeeds when the order exists and is the buyer's: 404 or 403 otherwise. */
  public Future<Void> checkBuyer(SqlClient client, long orderId, long buyerId) {
    return orders.state(client, orderId).map(found -> ofBuyer(found, orderId, buyerId)).mapEmpty();
  }

  private static OrderState ofBuyer(Optional<OrderState> found, long orderId, long buyerId) {
    OrderState order =
        found.orElseThrow(() -> DomainException.notFound("Order " + orderId + " not found."));
    if (order.buyerId() != buyerId) {
      throw DomainException.forbidden("Order " + orderId + " is not yours.");
    }
    return order;
  }

  /** A payment attempt has begun. */
  public Future<Void> paymentStarted(SqlClient tx, long orderId) {
    return paymentInProgress(tx, orderId, OrderPaymentStatus.PENDING);
  }

  /** The gateway authorized the payment; the capture follows. */
  public Future<Void> paymentAuthorized(SqlClient tx, long orderId) {
    return paymentInProgress(tx, orderId, OrderPaymentStatus.AUTHORIZED);
  }

  private static Future<Void> paymentInProgress(
      SqlClient tx, long orderId, OrderPaymentStatus status) {
    return tx.preparedQuery(
            "UPDATE orders SET payment_status = $2, payment_failure = NULL, updated_at = now()"
                + " WHERE id = $1 AND payment_status IN ('unpaid', 'failed', 'pending')")
        .execute(Tuple.of(orderId, status.dbValue()))
        .mapEmpty();
  }

  /**
   * The money is captured: a pending order moves to processing with its history row, and the sale
   * is recorded in the sales rollup. An order that was cancelled (or expired) while the payment was
   * under way stays cancelled, and its refund becomes due instead: it never was a sale.
   */
  public Future<OrderCapture> captured(SqlClient tx, long orderId) {
    String[] from = payableFrom.stream().map(OrderStatus::dbValue).toArray(String[]::new);
    return tx.preparedQuery(
            "WITH o AS (UPDATE orders SET status = 'processing', payment_status = 'captured',"
                + " payment_failure = NULL, paid_at = now(), updated_at = now()"
                + " WHERE id = $1 AND status = ANY($2) RETURNING *),"
                + SalesRollup.recordCaptures("o")
                + " t AS (INSERT INTO order_tracking (order_id, status, notes, actor_role)"
                + " SELECT id, status, 'Payment captured.', 'system' FROM o RETURNING *)"
                + OrderChange.READ_BACK)
        .mapping(OrderChange::fromRow)
        .execute(Tuple.tuple().addValue(orderId).addValue(from))
        .map(Rows::first)
        .compose(
            moved -> {
              if (moved.isPresent()) {
                return Future.succeededFuture(new OrderCapture(moved.get()));
              }
              return tx.preparedQuery(
                      "UPDATE orders SET payment_status = 'refund_pending', updated_at = now()"
                          + " WHERE id = $1")
                  .execute(Tuple.of(orderId))
                  .map(new OrderCapture(null));
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

  /** How many orders {@link #refundsDue} would find, without a limit. */
  public Future<Long> countRefundsDue(SqlClient client) {
    return client
        .preparedQuery("SELECT count(*) AS n FROM orders WHERE payment_status = 'refund_pending'")
        .mapping(row -> row.getLong("n"))
        .execute()
        .map(rows -> Rows.first(rows).orElseThrow());
  }

  /** Orders whose refund is due, oldest first. */
  public Future<List<Long>> refundsDue(SqlClient client, int limit) {
    return client
        // The literal status lets the planner use the partial index of due refunds.
        .preparedQuery(
            "SELECT id FROM orders WHERE payment_status = 'refund_pending' ORDER BY id LIMIT $1")
        .mapping(row -> row.getLong("id"))
        .execute(Tuple.of(limit))
        .map(Rows::list);
  }

  /**
   * Tells live streams, on every node, that a capture moved its order on. Call it only once the
   * capture's transaction has committed: an event about a change that rolled back would be a lie.
   */
  public void afterCommit(OrderCapture capture) {
    capture.change().ifPresent(publisher::publish);
  }
}
