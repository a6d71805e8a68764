package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads orders as the API shows them: one order, a page of a buyer's or seller's orders, the orders
 * of a checkout, and their lines ({@code order_items}) with the names of their products. It changes
 * nothing; the statements that change orders are {@link OrderRepository}'s. Every method runs on
 * the {@code SqlClient} it is given: the pool, or a transaction's connection to read what that
 * transaction has just written.
 */
public final class OrderReadRepository {

  private static final String ORDERS =
      "SELECT "
          + Order.COLUMNS
          + " FROM orders o JOIN users b ON b.id = o.buyer_id"
          + " LEFT JOIN products p ON p.id = o.product_id WHERE ";

  /** An order by id, whoever it belongs to; the caller checks ownership. */
  public Future<Optional<Order>> find(SqlClient client, long orderId) {
    return orders(client, "o.id = $1", Tuple.of(orderId)).map(Rows::first);
  }

  /**
   * A page of a buyer's or seller's orders, newest first, optionally of one status, after the order
   * {@code beforeId} (exclusive) when continuing a list. A buyer's orders come with the name of
   * each one's seller, joined here rather than where orders are placed.
   */
  public Future<List<Listed>> ofOwner(
      SqlClient client, Actor owner, long ownerId, OrderStatus status, Long beforeId, int limit) {
    boolean buyer = owner != Actor.SELLER;
    return select(
            client,
            "SELECT "
                + Order.COLUMNS
                + (buyer ? ", s.name AS seller_name" : ", NULL AS seller_name")
                + " FROM orders o JOIN users b ON b.id = o.buyer_id"
                + (buyer ? " JOIN users s ON s.id = o.seller_id" : "")
                + " LEFT JOIN products p ON p.id = o.product_id WHERE "
                + (buyer ? "o.buyer_id" : "o.seller_id")
                + " = $1 AND ($2::text IS NULL OR o.status = $2)"
                + " AND ($3::bigint IS NULL OR o.id < $3)"
                + " ORDER BY o.id DESC LIMIT $4",
            row -> new Listed(Order.fromRow(row), row.getString("seller_name")),
            Tuple.of(ownerId, status == null ? null : status.dbValue(), beforeId, limit))
        .map(Rows::list);
  }

  /** An order of a list, with its seller's name when a buyer lists it (else null). */
  public record Listed(Order order, String sellerName) {}

  /** The orders of one checkout, by seller. */
  public Future<List<Order>> ofCheckout(SqlClient client, UUID checkoutId) {
    return orders(client, "o.checkout_id = $1 ORDER BY o.seller_id", Tuple.of(checkoutId))
        .map(Rows::list);
  }

  /** The lines of some orders, with product names. */
  public Future<List<OrderItem>> itemsOf(SqlClient client, List<Long> orderIds) {
    return client
        .preparedQuery(
            "SELECT i.order_id, i.product_id, p.name AS product_name, i.quantity, i.unit_price,"
                + " i.line_total FROM order_items i JOIN products p ON p.id = i.product_id"
                + " WHERE i.order_id = ANY($1) ORDER BY i.order_id, i.product_id")
        .mapping(OrderItem::fromRow)
        .execute(Tuple.tuple().addValue(orderIds.toArray(Long[]::new)))
        .map(Rows::list);
  }

  /**
   * These orders as the API shows them, in the same order, each with its lines ({@code items}): an
   * order of a cart names no product of its own.
   */
  public Future<JsonArray> withItems(SqlClient client, List<Order> orders) {
    if (orders.isEmpty()) {
      return Future.succeededFuture(new JsonArray());
    }
    return itemsOf(client, orders.stream().map(Order::id).toList())
        .map(
            lines -> {
              Map<Long, JsonArray> byOrder = new HashMap<>();
              lines.forEach(
                  line ->
                      byOrder
                          .computeIfAbsent(line.orderId(), id -> new JsonArray())
                          .add(line.toJson()));
              JsonArray json = new JsonArray();
              orders.forEach(
                  order ->
                      json.add(
                          order
                              .toJson()
                              .put("items", byOrder.getOrDefault(order.id(), new JsonArray()))));
              return json;
            });
  }

  /** The products the lines of these orders name, each once. */
  public Future<List<Long>> productsOf(SqlClient client, List<Long> orderIds) {
    return client
        .preparedQuery("SELECT DISTINCT product_id FROM order_items WHERE order_id = ANY($1)")
        .mapping(row -> row.getLong("product_id"))
        .execute(Tuple.tuple().addValue(orderIds.toArray(Long[]::new)))
        .map(Rows::list);
  }

  /** Orders, with the names they are read with, that match {@code where}. */
  private static Future<RowSet<Order>> orders(SqlClient client, String where, Tuple values) {
    return select(client, ORDERS + where, Order::fromRow, values);
  }

  private static <T> Future<RowSet<T>> select(
      SqlClient client, String sql, Function<Row, T> mapper, Tuple values) {
    return client.preparedQuery(sql).mapping(mapper).execute(values);
  }
}
