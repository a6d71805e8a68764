package dev.marketplace.order;

import io.vertx.sqlclient.Row;

/** An order as a statement left it, and the history row that statement wrote. */
public record OrderChange(Order order, OrderEvent event) {

  /** The columns of the history row {@code t}, named apart from the order's. */
  static final String EVENT_COLUMNS =
      " t.id AS event_id, t.kind AS event_kind, t.location AS event_location,"
          + " t.notes AS event_notes, t.actor_role AS event_actor, t.created_at AS event_at";

  /**
   * The end of a statement whose CTE {@code o} changed orders and whose CTE {@code t} wrote their
   * history rows: each changed order, with the names it is read with, and its new row.
   */
  public static final String READ_BACK =
      " SELECT "
          + Order.COLUMNS
          + ","
          + EVENT_COLUMNS
          + " FROM o JOIN t ON t.order_id = o.id"
          + " JOIN users b ON b.id = o.buyer_id LEFT JOIN products p ON p.id = o.product_id";

  public static OrderChange fromRow(Row row) {
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
    return new OrderChange(order, event);
  }
}
