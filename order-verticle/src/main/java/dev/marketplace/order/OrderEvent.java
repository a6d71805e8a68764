package dev.marketplace.order;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/**
 * One row of an order's history: a status change or a shipping event. Its id orders every event of
 * the marketplace, which is what lets a live stream resume after a given event.
 */
public record OrderEvent(
    long id,
    long orderId,
    long buyerId,
    long sellerId,
    String kind,
    OrderStatus status,
    String location,
    String notes,
    String actorRole,
    OffsetDateTime createdAt) {

  /** Columns with {@code t} the tracking row and {@code o} its order. */
  static final String COLUMNS =
      "t.id, t.order_id, o.buyer_id, o.seller_id, t.kind, t.status, t.location, t.notes,"
          + " t.actor_role, t.created_at";

  static OrderEvent fromRow(Row row) {
    return new OrderEvent(
        row.getLong("id"),
        row.getLong("order_id"),
        row.getLong("buyer_id"),
        row.getLong("seller_id"),
        row.getString("kind"),
        OrderStatus.fromDb(row.getString("status")),
        row.getString("location"),
        row.getString("notes"),
        row.getString("actor_role"),
        row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("order_id", orderId)
        .put("buyer_id", buyerId)
        .put("seller_id", sellerId)
        .put("kind", kind)
        .put("status", status.dbValue())
        .put("location", location)
        .put("notes", notes)
        .put("actor", actorRole)
        .put("created_at", Timestamps.format(createdAt));
  }
}
