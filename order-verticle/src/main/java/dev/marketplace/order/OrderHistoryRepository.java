package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Reads the {@code order_tracking} table: an order's history, the events a live stream has not sent
 * yet, where the writing of events stands, and the events a write just made. The rows are written
 * by {@link OrderRepository}'s statements, in the same statement as the change they record. Every
 * method runs on the {@code SqlClient} it is given.
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

  /**
   * Events on the orders of a buyer or seller with ids in ({@code afterId}, {@code untilId}],
   * oldest first.
   */
  public Future<List<OrderEvent>> eventsBetween(
      SqlClient client, Actor owner, long ownerId, long afterId, long untilId, int limit) {
    String ownerColumn = owner == Actor.SELLER ? "o.seller_id" : "o.buyer_id";
    return events(
        client,
        ownerColumn + " = $1 AND t.id > $2 AND t.id <= $3 ORDER BY t.id LIMIT $4",
        Tuple.of(ownerId, afterId, untilId, limit));
  }

  /**
   * Where the writing of history rows stands: the last id handed out, then the transactions that
   * may still be writing rows. A writer locks the table before it takes an id and keeps the lock
   * until it ends, so once none of these transactions holds the lock, every row with an id up to
   * {@code lastId} is committed or gone for good. Read in that order, as two statements, so that a
   * writer that took an id after the first is never missed by the second.
   */
  public Future<EventPosition> position(SqlClient client) {
    return client
        .preparedQuery(
            "SELECT coalesce(pg_sequence_last_value("
                + "pg_get_serial_sequence('order_tracking', 'id')::regclass), 0) AS last_id")
        .mapping(row -> row.getLong("last_id"))
        .execute()
        .map(rows -> rows.iterator().next())
        .compose(
            lastId ->
                client
                    .preparedQuery(
                        "SELECT virtualtransaction FROM pg_locks WHERE locktype = 'relation'"
                            + " AND database = (SELECT oid FROM pg_database"
                            + " WHERE datname = current_database())"
                            + " AND relation = 'order_tracking'::regclass AND granted"
                            + " AND mode NOT IN ('AccessShareLock', 'RowShareLock')")
                    .mapping(row -> row.getString("virtualtransaction"))
                    .execute()
                    .map(writers -> new EventPosition(lastId, Rows.list(writers))));
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
