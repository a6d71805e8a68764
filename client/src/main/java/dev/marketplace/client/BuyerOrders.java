package dev.marketplace.client;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.CartLine;
import dev.marketplace.client.model.Checkout;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Page;
import java.util.List;
import java.util.Map;

/**
 * The signed-in buyer's orders. Orders that create something take an {@code Idempotency-Key}: send
 * the same key when retrying the same order, and it is placed once, whatever happened to the first
 * attempt. Such a call is retried once by itself when the connection drops before the answer.
 */
public final class BuyerOrders {

  private final Transport transport;
  private final OwnOrders own;

  BuyerOrders(Transport transport, Identity identity) {
    this.transport = transport;
    this.own = new OwnOrders(transport, Role.BUYER, identity);
  }

  /** Orders {@code quantity} of one product; 409 {@code insufficient_inventory} if short. */
  public Order place(long productId, int quantity, String idempotencyKey) {
    return transport.send(
        Call.post("/api/buyers/orders")
            .idempotencyKey(idempotencyKey)
            .json(Map.of("product_id", productId, "quantity", quantity))
            .authenticated(),
        Order.class);
  }

  /** Orders a whole cart at once, all lines or none: one order per seller. */
  public Checkout checkout(List<CartLine> lines, String idempotencyKey) {
    return transport.send(
        Call.post("/api/buyers/checkout")
            .idempotencyKey(idempotencyKey)
            .json(Map.of("items", lines))
            .authenticated(),
        Checkout.class);
  }

  /** A page of the buyer's orders, newest first; {@code status} null for all. */
  public Page<Order> list(OrderStatus status, String cursor, Integer limit) {
    return own.list(status, cursor, limit);
  }

  /** One order with its lines, payment state and timeline. */
  public Order get(long orderId) {
    return own.get(orderId);
  }

  /** Cancels an order that has not shipped; {@code reason} may be null. */
  public Order cancel(long orderId, String reason) {
    return transport.send(
        Call.post("/api/buyers/orders/" + orderId + "/cancel")
            .json(reason == null ? Map.of() : Map.of("reason", reason))
            .authenticated(),
        Order.class);
  }
}
