package dev.marketplace.client;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderEvent;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Page;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Orders of the signed-in seller's products, and their fulfilment: ship a paid order, report where
 * the parcel is, deliver, complete, or cancel one that has not shipped. A move the order's status
 * does not allow is 409 {@code invalid_transition}.
 */
public final class SellerOrders {

  private final Transport transport;
  private final OwnOrders own;

  SellerOrders(Transport transport, Identity identity) {
    this.transport = transport;
    this.own = new OwnOrders(transport, Role.SELLER, identity);
  }

  /** A page of the seller's orders, newest first; {@code status} null for all. */
  public Page<Order> list(OrderStatus status, String cursor, Integer limit) {
    return own.list(status, cursor, limit);
  }

  /** One order with its lines, payment state and timeline. */
  public Order get(long orderId) {
    return own.get(orderId);
  }

  /** Ships a paid order; {@code location} (where it left from) may be null. */
  public Order ship(long orderId, String carrier, String trackingNumber, String location) {
    Map<String, Object> change = status(OrderStatus.SHIPPED);
    change.put("carrier", carrier);
    change.put("tracking_number", trackingNumber);
    putIfPresent(change, "location", location);
    return move(orderId, change);
  }

  /** Reports where a parcel is; {@code notes} may be null. */
  public OrderEvent addEvent(long orderId, String location, String notes) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("location", location);
    putIfPresent(event, "notes", notes);
    return postEvent(orderId, event);
  }

  /**
   * Marks a shipped order delivered; with a {@code location} (where the parcel was left), as a
   * shipping event of the timeline.
   */
  public Order deliver(long orderId, String location, String notes) {
    if (location == null) {
      Map<String, Object> change = status(OrderStatus.DELIVERED);
      putIfPresent(change, "notes", notes);
      return move(orderId, change);
    }
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("location", location);
    event.put("status", OrderStatus.DELIVERED.wireName());
    putIfPresent(event, "notes", notes);
    postEvent(orderId, event);
    return get(orderId);
  }

  /** Completes a delivered order. */
  public Order complete(long orderId) {
    return move(orderId, status(OrderStatus.COMPLETED));
  }

  /** Cancels an order that has not shipped; the stock goes back on sale. */
  public Order cancel(long orderId, String reason) {
    Map<String, Object> change = status(OrderStatus.CANCELLED);
    change.put("reason", reason);
    return move(orderId, change);
  }

  private Order move(long orderId, Map<String, Object> change) {
    return transport.send(
        Call.put("/api/sellers/orders/" + orderId + "/status").json(change).authenticated(),
        Order.class);
  }

  private OrderEvent postEvent(long orderId, Map<String, Object> event) {
    return transport.send(
        Call.post("/api/sellers/orders/" + orderId + "/events").json(event).authenticated(),
        OrderEvent.class);
  }

  private static Map<String, Object> status(OrderStatus status) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("status", status.wireName());
    return change;
  }

  private static void putIfPresent(Map<String, Object> body, String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
  }
}
