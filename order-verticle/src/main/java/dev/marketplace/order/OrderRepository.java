package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import dev.marketplace.order.analytics.SalesRollup;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Changes {@code orders}, and writes {@code order_tracking} in the same statements as the changes
 * it records; reads only where an order stands ({@link OrderState}), which explains a refused
 * change and is what a payment locks. What the API shows of orders is {@link
 * OrderReadRepository}'s, their history {@link OrderHistoryRepository}'s. Every method runs on the
 * {@code SqlClient} it is given: the pool for a statement that is atomic by itself, a transaction's
 * connection when it is one step of several.
 *
 * <p>Placing and cancelling an order also change the stock in {@code product_stock} (see {@link
 * StockRepository}): the stock and the order must change together or not at all, so each such
 * change is one statement.
 */
public final class OrderRepository {

  /**
   * The statement that places an order ($1 buyer, $2 product, $3 quantity). Public so that the
   * benchmark can run the very same SQL straight against PostgreSQL.
   *
   * <p>It reads the product with a share lock ({@code p}), then takes the stock with the
   * conditional decrement ({@code s}); {@code products} itself is never written, so an order
   * touches none of the catalog's indexes. The share lock is what makes a concurrent change of the
   * product (deactivated, re-priced) come out as if one had run entirely before the other: the
   * seller's {@code UPDATE products} waits for the orders holding it, and an order waits for a
   * seller's change in progress and then reads the row as that change left it (a locking read
   * follows the row to its latest version and checks {@code is_active} again). Without it the order
   * would price and check the product as its snapshot saw it, after the seller's change had
   * committed. Orders do not wait for each other there: share locks do not conflict, and the
   * foreign keys of the order's rows take a weaker lock on the same row anyway.
   */
  public static final String PLACE_ORDER =
      "WITH b AS (SELECT id, name FROM users WHERE id = $1 AND role = 'buyer'),"
          + " p AS (SELECT id, seller_id, name, price FROM products"
          + " WHERE id = $2 AND is_active AND EXISTS (SELECT 1 FROM b) FOR SHARE),"
          + " s AS ("
          + StockRepository.TAKE_STOCK
          + "),"
          + " o AS (INSERT INTO orders"
          + " (buyer_id, seller_id, product_id, quantity, unit_price, total_price)"
          + " SELECT b.id, p.seller_id, p.id, $3, p.price, p.price * $3 FROM b, p, s"
          + " RETURNING *),"
          + " i AS (INSERT INTO order_items"
          + " (order_id, product_id, quantity, unit_price, line_total)"
          + " SELECT id, product_id, quantity, unit_price, total_price FROM o),"
          + " t AS (INSERT INTO order_tracking (order_id, status, actor_id, actor_role)"
          + " SELECT id, status, buyer_id, 'buyer' FROM o RETURNING *)"
          + " SELECT "
          + Order.COLUMNS
          + ","
          + OrderChange.EVENT_COLUMNS
          + " FROM o JOIN t ON t.order_id = o.id, b, p";

  /**
   * Takes {@code quantity} units of an active product and records a pending order for them, in one
   * atomic statement. The conditional decrement re-checks the stock after waiting for any
   * concurrent order's lock on the stock row, so no interleaving can sell more than there is. Empty
   * when nothing changed: the product is unknown or inactive, or the stock is short.
   */
  public Future<Optional<OrderChange>> place(
      SqlClient client, long buyerId, long productId, int quantity) {
    return client
        .preparedQuery(PLACE_ORDER)
        .mapping(OrderChange::fromRow)
        .execute(Tuple.of(buyerId, productId, quantity))
        .map(Rows::first);
  }

  /**
   * Moves an order to {@code to} if it is in one of {@code from} and {@code actor} may touch it
   * (its buyer, its seller, or the system), and writes the history row. Moving to {@code cancelled}
   * returns the stock in the same statement, marks a captured payment's refund as due (the payment
   * verticle makes it) and records the cancellation in the sales rollup. Empty when nothing
   * changed.
   */
  public Future<Optional<OrderChange>> transition(
      SqlClient client,
      long orderId,
      Actor actor,
      Long actorId,
      Set<OrderStatus> from,
      OrderStatus to,
      Move move) {
    String[] sources = from.stream().map(OrderStatus::dbValue).toArray(String[]::new);
    boolean cancelling = to == OrderStatus.CANCELLED;
    // The casts name the types of parameters used both as columns and against text literals, which
    // PostgreSQL cannot deduce alike when the statement is prepared on a transaction's connection.
    return client
        .preparedQuery(
            "WITH o AS (UPDATE orders SET status = $3::varchar, updated_at = now(),"
                + " payment_status = CASE WHEN $3::varchar = 'cancelled' AND payment_status = 'captured'"
                + " THEN 'refund_pending' ELSE payment_status END,"
                + " carrier = COALESCE($5, carrier),"
                + " tracking_number = COALESCE($6, tracking_number),"
                + " cancel_reason = CASE WHEN $3::varchar = 'cancelled' THEN $7 ELSE cancel_reason END,"
                + " cancelled_at = CASE WHEN $3::varchar = 'cancelled' THEN now() ELSE cancelled_at END"
                + " WHERE id = $1 AND status = ANY($4) AND CASE $8::varchar"
                + " WHEN 'buyer' THEN buyer_id = $2 WHEN 'seller' THEN seller_id = $2 ELSE true END"
                + " RETURNING *),"
                + (cancelling
                    ? StockRepository.RETURN_STOCK_OF_CANCELLED
                        + SalesRollup.recordCancellations("o")
                    : "")
                + " t AS (INSERT INTO order_tracking"
                + " (order_id, status, location, notes, actor_id, actor_role)"
                + " SELECT id, status, $9, COALESCE($10, $7), $2, $8::varchar FROM o RETURNING *)"
                + OrderChange.READ_BACK)
        .mapping(OrderChange::fromRow)
        .execute(
            Tuple.from(
                new Object[] {
                  orderId,
                  actorId,
                  to.dbValue(),
                  sources,
                  move.carrier(),
                  move.trackingNumber(),
                  move.reason(),
                  actor.dbValue(),
                  move.location(),
                  move.notes()
                }))
        .map(Rows::first);
  }

  /**
   * Records a shipping event (where the parcel is) on an order of {@code sellerId} that is being
   * prepared or is on its way. Empty when there is no such order in such a state.
   */
  public Future<Optional<OrderChange>> addShippingEvent(
      SqlClient client, long orderId, long sellerId, String location, String notes) {
    return client
        .preparedQuery(
            "WITH o AS (UPDATE orders SET updated_at = now()"
                + " WHERE id = $1 AND seller_id = $2 AND status IN ('processing', 'shipped')"
                + " RETURNING *),"
                + " t AS (INSERT INTO order_tracking"
                + " (order_id, status, kind, location, notes, actor_id, actor_role)"
                + " SELECT id, status, 'shipping', $3, $4, $2, 'seller' FROM o RETURNING *)"
                + OrderChange.READ_BACK)
        .mapping(OrderChange::fromRow)
        .execute(Tuple.of(orderId, sellerId, location, notes))
        .map(Rows::first);
  }

  /** How many orders are pending and unpaid (read through the partial index the sweep uses). */
  public Future<Long> countUnpaid(SqlClient client) {
    return client
        .preparedQuery(
            "SELECT count(*) AS n FROM orders WHERE status = 'pending' AND paid_at IS NULL")
        .mapping(row -> row.getLong("n"))
        .execute()
        .map(rows -> Rows.first(rows).orElseThrow());
  }

  /**
   * Cancels up to {@code batch} pending orders placed before {@code cutoff} and still unpaid, and
   * returns their stock and records the cancellations in the sales rollup, in one statement. Rows
   * another sweeper holds are skipped, so sweepers on several event loops or nodes never
   * double-return stock.
   */
  public Future<List<OrderChange>> expireUnpaid(SqlClient client, Instant cutoff, int batch) {
    return client
        .preparedQuery(
            "WITH due AS (SELECT id FROM orders WHERE status = 'pending' AND paid_at IS NULL"
                + " AND created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
                + " o AS (UPDATE orders SET status = 'cancelled', updated_at = now(),"
                + " cancelled_at = now(), cancel_reason = 'Not paid in time.'"
                + " FROM due WHERE orders.id = due.id RETURNING orders.*),"
                + StockRepository.RETURN_STOCK_OF_CANCELLED
                + SalesRollup.recordCancellations("o")
                + " t AS (INSERT INTO order_tracking (order_id, status, notes, actor_role)"
                + " SELECT id, 'cancelled', cancel_reason, 'system' FROM o RETURNING *)"
                + OrderChange.READ_BACK)
        .mapping(OrderChange::fromRow)
        .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch))
        .map(Rows::list);
  }

  /** Where an order stands, if it exists. */
  public Future<Optional<OrderState>> state(SqlClient client, long orderId) {
    return state(client, orderId, OrderState.SELECT);
  }

  /**
   * Where an order stands, with its row locked until the transaction ends, so that whatever else
   * would change the order (a second payment, say) waits for this transaction.
   */
  public Future<Optional<OrderState>> lockState(SqlClient tx, long orderId) {
    return state(tx, orderId, OrderState.SELECT + " FOR UPDATE");
  }

  private static Future<Optional<OrderState>> state(SqlClient client, long orderId, String sql) {
    return client
        .preparedQuery(sql)
        .mapping(OrderState::fromRow)
        .execute(Tuple.of(orderId))
        .map(Rows::first);
  }

  /** What a status change carries besides the status; absent fields are {@code null}. */
  public record Move(
      String carrier, String trackingNumber, String reason, String location, String notes) {}
}
