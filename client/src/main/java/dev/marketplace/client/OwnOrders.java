package dev.marketplace.client;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.Order;
import dev.marketplace.client.model.OrderStatus;
import dev.marketplace.client.model.Page;

/**
 * Reading the orders an account owns, which buyers and sellers do alike under their own path
 * ({@code /api/buyers/{id}/orders}, {@code /api/sellers/{id}/orders}).
 */
final class OwnOrders {

  private final Transport transport;
  private final Role role;
  private final Identity identity;

  OwnOrders(Transport transport, Role role, Identity identity) {
    this.transport = transport;
    this.role = role;
    this.identity = identity;
  }

  Page<Order> list(OrderStatus status, String cursor, Integer limit) {
    return transport
        .send(
            Call.get(path())
                .query("status", status == null ? null : status.wireName())
                .query("cursor", cursor)
                .query("limit", limit)
                .authenticated())
        .page("orders", Order.class);
  }

  Order get(long orderId) {
    return transport.send(Call.get(path() + "/" + orderId).authenticated(), Order.class);
  }

  private String path() {
    return "/api/" + role.pathSegment() + "/" + identity.userId() + "/orders";
  }
}
