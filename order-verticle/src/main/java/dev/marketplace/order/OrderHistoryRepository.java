package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Reads the {@code order_tracking} table: an order's history, the events a live stream missed, and
 * the events a write just made. The rows are written by {@link OrderRepository}'s statements, in
 * the same statement as the change they record. Every method runs on the {@code SqlClient} it is
 * given.
 */
public final class OrderHistoryRepository {

  private static final String EVENTS =
      "SELECT "
          + OrderEvent.COLUMNS
          + " FROM order_tracking t JOIN orders o ON o.id = t.order_id WHERE ";

  /** An order's history, oldest first. */
  public Future<List<OrderEvent>> history(SqlClient client, long orderId) {
    return events(client, "t.order_id = $1 ORDER BY t.id", Tuple.of(orderId));
  }

  /** The history rows with these ids, as events. */
  public Future<List<OrderEvent>> events(SqlClient client, List<Long> ids) {
    return events(
        client, "t.id = ANY($1) ORDER BY t.id", Tuple.tuple().addValue(ids.toArray(Long[]::new)));
  }

  /** Events on the orders of a buyer or seller after event {@code afterId}, oldest first. */
  public Future<List<OrderEvent>> eventsSince(
      SqlClient client, Actor owner, long ownerId, long afterId, int limit) {
    String ownerColumn = owner == Actor.SELLER ? "o.seller_id" : "o.buyer_id";
    return events(
        client,
        ownerColumn + " = $1 AND t.id > $2 ORDER BY t.id LIMIT $3",
        Tuple.of(ownerId, afterId, limit));
  }

  /**
   * The id of the newest event of any order (0 if none): every event of anyone's orders so far has
   * this id or a smaller one. Read backwards from the primary key.
   */
  public Future<Long> latestEventId(SqlClient client) {
    return client
        .preparedQuery("SELECT coalesce(max(id), 0) AS latest FROM order_tracking")
        .mapping(row -> row.getLong("latest"))
        .execute()
        .map(rows -> rows.iterator().next());
  }

  /** History rows, with their order's buyer and seller, that match {@code where}. */
  private static Future<List<OrderEvent>> events(SqlClient client, String where, Tuple values) {
    return client
        .preparedQuery(EVENTS + where)
        .mapping(OrderEvent::fromRow)
        .execute(values)
        .map(Rows::list);
  }
}
