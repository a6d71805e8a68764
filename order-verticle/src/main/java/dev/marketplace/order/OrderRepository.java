package dev.marketplace.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code orders} and {@code order_tracking} tables.
 *
 * <p>Placing an order also takes the stock from {@code products}, a table the catalog verticle
 * owns: both must change together or not at all, so they change in one statement.
 */
public final class OrderRepository {

  private final Pool pool;

  public OrderRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Takes {@code quantity} units of an active product and records a pending order for them, in one
   * atomic statement. The conditional decrement re-checks the stock after waiting for any
   * concurrent order's row lock, so no interleaving can sell more than there is. Empty when nothing
   * changed: the buyer or product is unknown, or the stock is short.
   */
  public Future<Optional<Order>> place(long buyerId, long productId, int quantity) {
    return pool.preparedQuery(
            "WITH b AS (SELECT id, name FROM users WHERE id = $1 AND role = 'buyer'),"
                + " p AS (UPDATE products SET inventory = inventory - $3, updated_at = now()"
                + " WHERE id = $2 AND is_active AND inventory >= $3 AND EXISTS (SELECT 1 FROM b)"
                + " RETURNING id, seller_id, name, price),"
                + " o AS (INSERT INTO orders"
                + " (buyer_id, seller_id, product_id, quantity, unit_price, total_price)"
                + " SELECT b.id, p.seller_id, p.id, $3, p.price, p.price * $3 FROM b, p"
                + " RETURNING *),"
                + " t AS (INSERT INTO order_tracking (order_id, status, actor_id)"
                + " SELECT id, status, buyer_id FROM o)"
                + " SELECT "
                + Order.COLUMNS
                + " FROM o, b, p")
        .execute(Tuple.of(buyerId, productId, quantity))
        .map(OrderRepository::first);
  }

  /** Why an order could not be placed; read after the fact, only to explain the refusal. */
  public Future<PlacementObstacle> obstacleTo(long buyerId, long productId) {
    return pool.preparedQuery(
            "SELECT EXISTS (SELECT 1 FROM users WHERE id = $1 AND role = 'buyer') AS buyer_known,"
                + " (SELECT inventory FROM products WHERE id = $2 AND is_active) AS inventory")
        .execute(Tuple.of(buyerId, productId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return new PlacementObstacle(
                  row.getBoolean("buyer_known"), Optional.ofNullable(row.getInteger("inventory")));
            });
  }

  /**
   * Moves an order of {@code sellerId} to {@code to} if it is in one of {@code from}, and records
   * the change in its history. Empty when the order is missing, another seller's, or elsewhere.
   */
  public Future<Optional<Order>> moveStatus(
      long orderId, long sellerId, Set<OrderStatus> from, OrderStatus to) {
    String[] sources = from.stream().map(OrderStatus::dbValue).toArray(String[]::new);
    return pool.preparedQuery(
            "WITH o AS (UPDATE orders SET status = $3, updated_at = now()"
                + " WHERE id = $1 AND seller_id = $2 AND status = ANY($4) RETURNING *),"
                + " t AS (INSERT INTO order_tracking (order_id, status, actor_id)"
                + " SELECT id, status, seller_id FROM o)"
                + " SELECT "
                + Order.COLUMNS
                + " FROM o JOIN users b ON b.id = o.buyer_id JOIN products p ON p.id = o.product_id")
        .execute(Tuple.of(orderId, sellerId, to.dbValue(), sources))
        .map(OrderRepository::first);
  }

  /** The seller and status of an order, if it exists. */
  public Future<Optional<OrderState>> stateOf(long orderId) {
    return pool.preparedQuery("SELECT seller_id, status FROM orders WHERE id = $1")
        .execute(Tuple.of(orderId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row row = rows.iterator().next();
              return Optional.of(
                  new OrderState(
                      row.getLong("seller_id"), OrderStatus.fromDb(row.getString("status"))));
            });
  }

  /** A buyer's orders, newest first; empty when {@code buyerId} is not a buyer. */
  public Future<Optional<List<Order>>> ofBuyer(long buyerId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + Order.COLUMNS
                + " FROM users b LEFT JOIN LATERAL (SELECT * FROM orders WHERE buyer_id = b.id"
                + " ORDER BY id DESC LIMIT $2) o ON true"
                + " LEFT JOIN products p ON p.id = o.product_id"
                + " WHERE b.id = $1 AND b.role = 'buyer' ORDER BY o.id DESC")
        .execute(Tuple.of(buyerId, limit))
        .map(OrderRepository::ownerList);
  }

  /** Orders of a seller's products, newest first; empty when {@code sellerId} is not a seller. */
  public Future<Optional<List<Order>>> ofSeller(long sellerId, int limit) {
    return pool.preparedQuery(
            "SELECT "
                + Order.COLUMNS
                + " FROM users s LEFT JOIN LATERAL (SELECT * FROM orders WHERE seller_id = s.id"
                + " ORDER BY id DESC LIMIT $2) o ON true"
                + " LEFT JOIN users b ON b.id = o.buyer_id"
                + " LEFT JOIN products p ON p.id = o.product_id"
                + " WHERE s.id = $1 AND s.role = 'seller' ORDER BY o.id DESC")
        .execute(Tuple.of(sellerId, limit))
        .map(OrderRepository::ownerList);
  }

  // The owner row always comes back (with null order columns when there are no orders), which
  // tells "unknown owner" from "no orders yet" in one round trip.
  private static Optional<List<Order>> ownerList(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    List<Order> orders = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (row.getLong("id") != null) {
        orders.add(Order.fromRow(row));
      }
    }
    return Optional.of(orders);
  }

  private static Optional<Order> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(Order.fromRow(rows.iterator().next()));
  }

  /** What stands in the way of an order: an unknown buyer, a missing product or short stock. */
  public record PlacementObstacle(boolean buyerKnown, Optional<Integer> activeInventory) {}

  /** Who sells an order and where it is now. */
  public record OrderState(long sellerId, OrderStatus status) {}
}
