package dev.marketplace.order;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code orders} and {@code order_tracking} tables.
 *
 * <p>Placing and cancelling an order also change the stock in {@code products}, a table the catalog
 * verticle owns: the stock and the order must change together or not at all, so each such change is
 * one statement.
 */
public final class OrderRepository {

  /** The history row a statement wrote, joined to its order. */
  static final String EVENT_OF_CHANGE =
      " t.id AS event_id, t.kind AS event_kind, t.location AS event_location,"
          + " t.notes AS event_notes, t.actor_role AS event_actor, t.created_at AS event_at";

  /**
   * Gives every line of the orders in {@code o} that are now cancelled back to the stock; lines of
   * several orders on one product are summed first, as an UPDATE changes each row once.
   */
  private static final String RETURN_STOCK_OF_CANCELLED =
      " r AS (UPDATE products SET inventory = products.inventory + s.quantity,"
          + " units_sold = products.units_sold - s.quantity, updated_at = now()"
          + " FROM (SELECT i.product_id, sum(i.quantity) AS quantity FROM order_items i"
          + " JOIN o ON o.id = i.order_id WHERE o.status = 'cancelled' GROUP BY i.product_id) s"
          + " WHERE products.id = s.product_id),";

  /**
   * The statement that places an order ($1 buyer, $2 product, $3 quantity). Public so that the
   * benchmark can run the very same SQL straight against PostgreSQL.
   */
  public static final String PLACE_ORDER =
      "WITH b AS (SELECT id, name FROM users WHERE id = $1 AND role = 'buyer'),"
          + " p AS (UPDATE products SET inventory = inventory - $3, units_sold = units_sold + $3,"
          + " updated_at = now()"
          + " WHERE id = $2 AND is_active AND inventory >= $3 AND EXISTS (SELECT 1 FROM b)"
          + " RETURNING id, seller_id, name, price),"
          + " o AS (INSERT INTO orders"
          + " (buyer_id, seller_id, product_id, quantity, unit_price, total_price)"
          + " SELECT b.id, p.seller_id, p.id, $3, p.price, p.price * $3 FROM b, p"
          + " RETURNING *),"
          + " i AS (INSERT INTO order_items"
          + " (order_id, product_id, quantity, unit_price, line_total)"
          + " SELECT id, product_id, quantity, unit_price, total_price FROM o),"
          + " t AS (INSERT INTO order_tracking (order_id, status, actor_id, actor_role)"
          + " SELECT id, status, buyer_id, 'buyer' FROM o RETURNING *)"
          + " SELECT "
          + Order.COLUMNS
          + ","
          + EVENT_OF_CHANGE
          + " FROM o JOIN t ON t.order_id = o.id, b, p";

  private final Pool pool;

  public OrderRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Takes {@code quantity} units of an active product and records a pending order for them, in one
   * atomic statement. The conditional decrement re-checks the stock after waiting for any
   * concurrent order's row lock, so no interleaving can sell more than there is. Empty when nothing
   * changed: the product is unknown or inactive, or the stock is short.
   */
  public Future<Optional<Change>> place(
      SqlClient client, long buyerId, long productId, int quantity) {
    return client
        .preparedQuery(PLACE_ORDER)
        .execute(Tuple.of(buyerId, productId, quantity))
        .map(OrderRepository::change);
  }

  /**
   * The stock of a product if it is active; read after a refusal, only to explain it. Inside a
   * transaction, pass its connection: asking the pool for a second one while holding the first can
   * exhaust the pool under load and stall every transaction.
   */
  public Future<Optional<Integer>> activeInventory(SqlClient client, long productId) {
    return client
        .preparedQuery("SELECT inventory FROM products WHERE id = $1 AND is_active")
        .execute(Tuple.of(productId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getInteger("inventory")));
  }

  /**
   * Moves an order to {@code to} if it is in one of {@code from} and {@code actor} may touch it
   * (its buyer, its seller, or the system), and writes the history row. Moving to {@code cancelled}
   * returns the stock in the same statement, and marks a captured payment's refund as due (the
   * payment verticle makes it). Empty when nothing changed.
   */
  public Future<Optional<Change>> transition(
      long orderId, Actor actor, Long actorId, Set<OrderStatus> from, OrderStatus to, Move move) {
    String[] sources = from.stream().map(OrderStatus::dbValue).toArray(String[]::new);
    return pool.preparedQuery(
            "WITH o AS (UPDATE orders SET status = $3, updated_at = now(),"
                + " payment_status = CASE WHEN $3 = 'cancelled' AND payment_status = 'captured'"
                + " THEN 'refund_pending' ELSE payment_status END,"
                + " carrier = COALESCE($5, carrier),"
                + " tracking_number = COALESCE($6, tracking_number),"
                + " cancel_reason = CASE WHEN $3 = 'cancelled' THEN $7 ELSE cancel_reason END"
                + " WHERE id = $1 AND status = ANY($4) AND CASE $8"
                + " WHEN 'buyer' THEN buyer_id = $2 WHEN 'seller' THEN seller_id = $2 ELSE true END"
                + " RETURNING *),"
                + RETURN_STOCK_OF_CANCELLED
                + " t AS (INSERT INTO order_tracking"
                + " (order_id, status, location, notes, actor_id, actor_role)"
                + " SELECT id, status, $9, COALESCE($10, $7), $2, $8 FROM o RETURNING *)"
                + " SELECT "
                + Order.COLUMNS
                + ","
                + EVENT_OF_CHANGE
                + " FROM o JOIN t ON t.order_id = o.id"
                + " JOIN users b ON b.id = o.buyer_id LEFT JOIN products p ON p.id = o.product_id")
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
        .map(OrderRepository::change);
  }

  /**
   * Records a shipping event (where the parcel is) on an order of {@code sellerId} that is being
   * prepared or is on its way. Empty when there is no such order in such a state.
   */
  public Future<Optional<Change>> addShippingEvent(
      long orderId, long sellerId, String location, String notes) {
    return pool.preparedQuery(
            "WITH o AS (UPDATE orders SET updated_at = now()"
                + " WHERE id = $1 AND seller_id = $2 AND status IN ('processing', 'shipped')"
                + " RETURNING *),"
                + " t AS (INSERT INTO order_tracking"
                + " (order_id, status, kind, location, notes, actor_id, actor_role)"
                + " SELECT id, status, 'shipping', $3, $4, $2, 'seller' FROM o RETURNING *)"
                + " SELECT "
                + Order.COLUMNS
                + ","
                + EVENT_OF_CHANGE
                + " FROM o JOIN t ON t.order_id = o.id"
                + " JOIN users b ON b.id = o.buyer_id LEFT JOIN products p ON p.id = o.product_id")
        .execute(Tuple.of(orderId, sellerId, location, notes))
        .map(OrderRepository::change);
  }

  /**
   * Cancels up to {@code batch} pending orders placed before {@code cutoff} and still unpaid, and
   * returns their stock, in one statement. Rows another sweeper holds are skipped, so sweepers on
   * several event loops or nodes never double-return stock.
   */
  public Future<List<Change>> expireUnpaid(Instant cutoff, int batch) {
    return pool.preparedQuery(
            "WITH due AS (SELECT id FROM orders WHERE status = 'pending' AND paid_at IS NULL"
                + " AND created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED),"
                + " o AS (UPDATE orders SET status = 'cancelled', updated_at = now(),"
                + " cancel_reason = 'Not paid in time.' FROM due WHERE orders.id = due.id"
                + " RETURNING orders.*),"
                + RETURN_STOCK_OF_CANCELLED
                + " t AS (INSERT INTO order_tracking (order_id, status, notes, actor_role)"
                + " SELECT id, 'cancelled', cancel_reason, 'system' FROM o RETURNING *)"
                + " SELECT "
                + Order.COLUMNS
                + ","
                + EVENT_OF_CHANGE
                + " FROM o JOIN t ON t.order_id = o.id"
                + " JOIN users b ON b.id = o.buyer_id LEFT JOIN products p ON p.id = o.product_id")
        .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), batch))
        .map(
            rows -> {
              List<Change> changes = new ArrayList<>(rows.size());
              rows.forEach(row -> changes.add(changeOf(row)));
              return changes;
            });
  }

  /** An order by id, whoever it belongs to; the caller checks ownership. */
  public Future<Optional<Order>> find(long orderId) {
    return pool.preparedQuery(
            "SELECT "
                + Order.COLUMNS
                + " FROM orders o JOIN users b ON b.id = o.buyer_id"
                + " LEFT JOIN products p ON p.id = o.product_id WHERE o.id = $1")
        .execute(Tuple.of(orderId))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(Order.fromRow(rows.iterator().next())));
  }

  /** An order's history, oldest first. */
  public Future<List<OrderEvent>> history(long orderId) {
    return pool.preparedQuery(
            "SELECT "
                + OrderEvent.COLUMNS
                + " FROM order_tracking t JOIN orders o ON o.id = t.order_id"
                + " WHERE t.order_id = $1 ORDER BY t.id")
        .execute(Tuple.of(orderId))
        .map(OrderRepository::events);
  }

  /** Events on the orders of a buyer or seller after event {@code afterId}, oldest first. */
  public Future<List<OrderEvent>> eventsSince(Actor owner, long ownerId, long afterId, int limit) {
    String ownerColumn = owner == Actor.SELLER ? "o.seller_id" : "o.buyer_id";
    return pool.preparedQuery(
            "SELECT "
                + OrderEvent.COLUMNS
                + " FROM orders o JOIN order_tracking t ON t.order_id = o.id"
                + " WHERE "
                + ownerColumn
                + " = $1 AND t.id > $2 ORDER BY t.id LIMIT $3")
        .execute(Tuple.of(ownerId, afterId, limit))
        .map(OrderRepository::events);
  }

  /** The seller, buyer and status of an order, if it exists. */
  public Future<Optional<OrderState>> stateOf(long orderId) {
    return pool.preparedQuery(
            "SELECT buyer_id, seller_id, status, paid_at IS NOT NULL AS paid FROM orders"
                + " WHERE id = $1")
        .execute(Tuple.of(orderId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              Row row = rows.iterator().next();
              return Optional.of(
                  new OrderState(
                      row.getLong("buyer_id"),
                      row.getLong("seller_id"),
                      OrderStatus.fromDb(row.getString("status")),
                      row.getBoolean("paid")));
            });
  }

  /**
   * A page of a buyer's or seller's orders, newest first, optionally of one status, after the order
   * {@code beforeId} (exclusive) when continuing a list.
   */
  public Future<List<Order>> ofOwner(
      Actor owner, long ownerId, String status, Long beforeId, int limit) {
    String ownerColumn = owner == Actor.SELLER ? "o.seller_id" : "o.buyer_id";
    return pool.preparedQuery(
            "SELECT "
                + Order.COLUMNS
                + " FROM orders o JOIN users b ON b.id = o.buyer_id"
                + " LEFT JOIN products p ON p.id = o.product_id"
                + " WHERE "
                + ownerColumn
                + " = $1 AND ($2::text IS NULL OR o.status = $2)"
                + " AND ($3::bigint IS NULL OR o.id < $3)"
                + " ORDER BY o.id DESC LIMIT $4")
        .execute(Tuple.of(ownerId, status, beforeId, limit))
        .map(OrderRepository::orders);
  }

  /**
   * Takes the stock of every line of a checkout, or none: rows are locked in product order, so
   * checkouts over overlapping products queue behind each other instead of deadlocking. Returns the
   * lines as taken (with seller and price), or fewer than asked when some product is inactive,
   * unknown or short, in which case the caller must roll back.
   */
  public Future<List<CheckoutLine>> takeStock(SqlClient connection, List<CheckoutLine> lines) {
    Long[] products = lines.stream().map(CheckoutLine::productId).toArray(Long[]::new);
    Integer[] quantities = lines.stream().map(CheckoutLine::quantity).toArray(Integer[]::new);
    return connection
        .preparedQuery("SELECT id FROM products WHERE id = ANY($1) ORDER BY id FOR UPDATE")
        .execute(Tuple.tuple().addValue(products))
        .compose(
            locked ->
                connection
                    .preparedQuery(
                        "UPDATE products p SET inventory = p.inventory - l.quantity,"
                            + " units_sold = p.units_sold + l.quantity, updated_at = now()"
                            + " FROM unnest($1::bigint[], $2::int[]) AS l(product_id, quantity)"
                            + " WHERE p.id = l.product_id AND p.is_active"
                            + " AND p.inventory >= l.quantity"
                            + " RETURNING p.id, p.seller_id, p.price, l.quantity")
                    .execute(Tuple.tuple().addValue(products).addValue(quantities)))
        .map(
            rows -> {
              List<CheckoutLine> taken = new ArrayList<>(rows.size());
              rows.forEach(
                  row ->
                      taken.add(
                          new CheckoutLine(
                              row.getLong("id"),
                              row.getInteger("quantity"),
                              row.getLong("seller_id"),
                              row.getBigDecimal("price"))));
              return taken;
            });
  }

  /**
   * Records the orders of a checkout whose stock is taken: one per seller, with its lines and its
   * first history row. Returns the history rows written, one per order.
   */
  public Future<List<Long>> recordCheckout(
      SqlClient connection, long buyerId, java.util.UUID checkoutId, List<CheckoutLine> taken) {
    return connection
        .preparedQuery(
            "WITH l AS (SELECT * FROM unnest($3::bigint[], $4::int[], $5::bigint[], $6::numeric[])"
                + " AS l(product_id, quantity, seller_id, unit_price)),"
                + " o AS (INSERT INTO orders (buyer_id, seller_id, checkout_id, product_id,"
                + " quantity, unit_price, total_price)"
                + " SELECT $1, seller_id, $2,"
                + " CASE WHEN count(*) = 1 THEN min(product_id) END,"
                + " CASE WHEN count(*) = 1 THEN min(quantity) END,"
                + " CASE WHEN count(*) = 1 THEN min(unit_price) END,"
                + " sum(unit_price * quantity) FROM l GROUP BY seller_id RETURNING id, seller_id),"
                + " i AS (INSERT INTO order_items"
                + " (order_id, product_id, quantity, unit_price, line_total)"
                + " SELECT o.id, l.product_id, l.quantity, l.unit_price, l.unit_price * l.quantity"
                + " FROM o JOIN l ON l.seller_id = o.seller_id)"
                + " INSERT INTO order_tracking (order_id, status, actor_id, actor_role)"
                + " SELECT id, 'pending', $1, 'buyer' FROM o RETURNING id")
        .execute(
            Tuple.tuple()
                .addValue(buyerId)
                .addValue(checkoutId)
                .addValue(taken.stream().map(CheckoutLine::productId).toArray(Long[]::new))
                .addValue(taken.stream().map(CheckoutLine::quantity).toArray(Integer[]::new))
                .addValue(taken.stream().map(CheckoutLine::sellerId).toArray(Long[]::new))
                .addValue(
                    taken.stream()
                        .map(CheckoutLine::unitPrice)
                        .toArray(java.math.BigDecimal[]::new)))
        .map(
            rows -> {
              List<Long> events = new ArrayList<>(rows.size());
              rows.forEach(row -> events.add(row.getLong("id")));
              return events;
            });
  }

  /** The history rows with these ids, as events. */
  public Future<List<OrderEvent>> events(List<Long> ids) {
    return pool.preparedQuery(
            "SELECT "
                + OrderEvent.COLUMNS
                + " FROM order_tracking t JOIN orders o ON o.id = t.order_id"
                + " WHERE t.id = ANY($1) ORDER BY t.id")
        .execute(Tuple.tuple().addValue(ids.toArray(Long[]::new)))
        .map(OrderRepository::events);
  }

  /** The orders of one checkout, by seller. */
  public Future<List<Order>> ofCheckout(SqlClient client, java.util.UUID checkoutId) {
    return client
        .preparedQuery(
            "SELECT "
                + Order.COLUMNS
                + " FROM orders o JOIN users b ON b.id = o.buyer_id"
                + " LEFT JOIN products p ON p.id = o.product_id"
                + " WHERE o.checkout_id = $1 ORDER BY o.seller_id")
        .execute(Tuple.of(checkoutId))
        .map(OrderRepository::orders);
  }

  /** The lines of some orders, with product names. */
  public Future<List<OrderItem>> itemsOf(SqlClient client, List<Long> orderIds) {
    return client
        .preparedQuery(
            "SELECT i.order_id, i.product_id, p.name AS product_name, i.quantity, i.unit_price,"
                + " i.line_total FROM order_items i JOIN products p ON p.id = i.product_id"
                + " WHERE i.order_id = ANY($1) ORDER BY i.order_id, i.product_id")
        .execute(Tuple.tuple().addValue(orderIds.toArray(Long[]::new)))
        .map(
            rows -> {
              List<OrderItem> items = new ArrayList<>(rows.size());
              rows.forEach(row -> items.add(OrderItem.fromRow(row)));
              return items;
            });
  }

  public Pool pool() {
    return pool;
  }

  static Optional<Change> change(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(changeOf(rows.iterator().next()));
  }

  private static Change changeOf(Row row) {
    Order order = Order.fromRow(row);
    OrderEvent event =
        new OrderEvent(
            row.getLong("event_id"),
            order.id(),
            order.buyerId(),
            order.sellerId(),
            row.getString("event_kind"),
            order.status(),
            row.getString("event_location"),
            row.getString("event_notes"),
            row.getString("event_actor"),
            row.getOffsetDateTime("event_at"));
    return new Change(order, event);
  }

  private static List<Order> orders(RowSet<Row> rows) {
    List<Order> orders = new ArrayList<>(rows.size());
    rows.forEach(row -> orders.add(Order.fromRow(row)));
    return orders;
  }

  private static List<OrderEvent> events(RowSet<Row> rows) {
    List<OrderEvent> events = new ArrayList<>(rows.size());
    rows.forEach(row -> events.add(OrderEvent.fromRow(row)));
    return events;
  }

  /** An order as a statement left it, and the history row it wrote. */
  public record Change(Order order, OrderEvent event) {}

  /** A product and quantity of a checkout; seller and price once the stock is taken. */
  public record CheckoutLine(
      long productId, int quantity, Long sellerId, java.math.BigDecimal unitPrice) {}

  /** What a status change carries besides the status; absent fields are {@code null}. */
  public record Move(
      String carrier, String trackingNumber, String reason, String location, String notes) {}

  /** Who buys and sells an order, where it is now and whether it is paid. */
  public record OrderState(long buyerId, long sellerId, OrderStatus status, boolean paid) {}
}
